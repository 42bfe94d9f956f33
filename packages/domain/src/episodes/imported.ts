import { randomUUID } from 'node:crypto';
import type { AccessContext, SignedIn } from '../access';
import { recordAudit } from '../audit';
import type { Executor } from '../shared/transaction';
import { movePhaseInTx } from './move-phase';
import { episodePhaseChanges, episodes } from './tables';
import { episodeTitlePurpose, phaseReasonPurpose } from './views';

/** The label of an episode opened to hold a client's history from another system. */
export const IMPORTED_EPISODE_TITLE = 'Moved in from another system';

/**
 * Opens an active episode for a client moved in with past sessions (issue 12), inside the
 * import's transaction: opened when the first imported session began, recorded as every episode
 * is (none → intake, then intake → active, each with its reason), and audited.
 */
export async function openImportedEpisodeInTx(
  tx: Executor,
  ctx: AccessContext,
  actor: SignedIn,
  input: { clientId: string; openedAt: Date; sessions: number },
): Promise<string> {
  const { keyring } = ctx.services;
  const id = randomUUID();
  const practiceId = actor.practiceId;
  await tx.insert(episodes).values({
    practiceId,
    id,
    clientId: input.clientId,
    therapistId: actor.userId,
    phase: 'intake',
    title: await keyring.encrypt(tx, practiceId, IMPORTED_EPISODE_TITLE, episodeTitlePurpose(id)),
    previousEpisodeId: null,
    openedAt: input.openedAt,
  });
  const changeId = randomUUID();
  await tx.insert(episodePhaseChanges).values({
    practiceId,
    id: changeId,
    episodeId: id,
    fromPhase: null,
    toPhase: 'intake',
    changedBy: actor.userId,
    changedAt: input.openedAt,
    reason: await keyring.encrypt(
      tx,
      practiceId,
      'Care began in another system; moved in with its past sessions.',
      phaseReasonPurpose(changeId),
    ),
  });
  await movePhaseInTx(
    tx,
    ctx,
    { practiceId, id, therapistId: actor.userId, clientId: input.clientId, phase: 'intake' },
    {
      to: 'active',
      reason: `Moved in from another system with ${input.sessions} past sessions.`,
      by: actor.userId,
    },
  );
  await recordAudit(tx, ctx, {
    action: 'episode.create',
    resourceType: 'episode',
    resourceId: id,
    outcome: 'success',
    subjectClientId: input.clientId,
    detail: { imported: true, returning: false },
  });
  return id;
}
