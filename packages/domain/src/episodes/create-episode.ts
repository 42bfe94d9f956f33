import { randomUUID } from 'node:crypto';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { findClientById as findClient } from '../clients';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findById, findLatestClosed, findOpen } from './repository';
import { episodePhaseChanges, episodes } from './tables';
import { type EpisodeView, episodeTitlePurpose, openEpisode, phaseReasonPurpose } from './views';

export type NewEpisode = {
  clientId: string;
  /** A short non-clinical label, e.g. "Music therapy, 2026". */
  title: string;
  /** Why the episode opens: recorded as the first phase change (none → intake). */
  reason: string;
};

const alreadyOpen = (): AppError =>
  new AppError(
    'EPISODE_ALREADY_OPEN',
    'This client already has an open episode with you. Continue that one, or close it before opening another.',
    [{ path: 'clientId', message: 'Has an open episode with you.' }],
  );

function isOpenEpisodeViolation(error: unknown): boolean {
  let e = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const pg = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (pg.code === '23505' && pg.constraint === 'episodes_one_open_idx') return true;
    e = pg.cause;
  }
  return false;
}

/**
 * A therapist opens an episode of care with a client they may see. A client who returns gets a new
 * episode linked to their most recent closed one in the practice, so the history carries forward.
 * One open episode per client and therapist at a time.
 */
export async function createEpisode(ctx: AccessContext, input: NewEpisode): Promise<EpisodeView> {
  const actor = signedIn(ctx);
  const now = ctx.services.now();
  const { keyring } = ctx.services;
  const result = await inTransaction(ctx.services.db, async (tx) => {
    const client = await findClient(tx, actor, input.clientId);
    if (!client) {
      await recordAudit(tx, ctx, {
        action: 'episode.create',
        resourceType: 'client',
        resourceId: input.clientId,
        outcome: 'denied',
      });
      return undefined;
    }
    if (await findOpen(tx, actor.practiceId, client.id, actor.userId)) throw alreadyOpen();
    const previous = await findLatestClosed(tx, actor.practiceId, client.id);
    const id = randomUUID();
    await tx
      .insert(episodes)
      .values({
        practiceId: actor.practiceId,
        id,
        clientId: client.id,
        therapistId: actor.userId,
        phase: 'intake',
        title: await keyring.encrypt(tx, actor.practiceId, input.title, episodeTitlePurpose(id)),
        previousEpisodeId: previous?.id ?? null,
        openedAt: now,
      })
      .catch((error: unknown) => {
        // A concurrent request opened one between the check above and this insert.
        throw isOpenEpisodeViolation(error) ? alreadyOpen() : error;
      });
    const changeId = randomUUID();
    await tx.insert(episodePhaseChanges).values({
      practiceId: actor.practiceId,
      id: changeId,
      episodeId: id,
      fromPhase: null,
      toPhase: 'intake',
      changedBy: actor.userId,
      changedAt: now,
      reason: await keyring.encrypt(
        tx,
        actor.practiceId,
        input.reason,
        phaseReasonPurpose(changeId),
      ),
    });
    await recordAudit(tx, ctx, {
      action: 'episode.create',
      resourceType: 'episode',
      resourceId: id,
      outcome: 'success',
      detail: { returning: previous !== undefined },
    });
    const row = await findById(tx, actor, id);
    if (!row) throw new Error('new episode not visible to its therapist');
    return row;
  });
  if (!result) throw notFound('client');
  return openEpisode(ctx.services.db, keyring, result);
}
