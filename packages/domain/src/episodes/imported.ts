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

export type EpisodeFromRecord = {
  clientId: string;
  phase: 'intake' | 'active' | 'ending' | 'aftercare' | 'closed';
  title: string;
  previousEpisodeId: string | null;
  openedAt: Date;
  closedAt: Date | null;
};

/**
 * Restores one episode of a relationship bundle (issue 12) inside the import's transaction, with
 * the importing therapist as its therapist: its phase, title, dates and the episode it returns
 * after. Its history is one recorded phase change (none → its phase, at its opening) saying it
 * was imported; audited as `episode.create`. Returns the row, for the parts that follow.
 */
export async function insertEpisodeFromRecord(
  tx: Executor,
  ctx: AccessContext,
  actor: SignedIn,
  input: EpisodeFromRecord,
): Promise<typeof episodes.$inferSelect> {
  const { keyring } = ctx.services;
  const id = randomUUID();
  const practiceId = actor.practiceId;
  const [row] = await tx
    .insert(episodes)
    .values({
      practiceId,
      id,
      clientId: input.clientId,
      therapistId: actor.userId,
      phase: input.phase,
      title: await keyring.encrypt(tx, practiceId, input.title, episodeTitlePurpose(id)),
      previousEpisodeId: input.previousEpisodeId,
      openedAt: input.openedAt,
      closedAt: input.closedAt,
    })
    .returning();
  if (!row) throw new Error('episode insert returned nothing');
  const changeId = randomUUID();
  await tx.insert(episodePhaseChanges).values({
    practiceId,
    id: changeId,
    episodeId: id,
    fromPhase: null,
    toPhase: input.phase,
    changedBy: actor.userId,
    changedAt: input.openedAt,
    reason: await keyring.encrypt(
      tx,
      practiceId,
      'Imported from a FHIR record exported by another practice.',
      phaseReasonPurpose(changeId),
    ),
  });
  await recordAudit(tx, ctx, {
    action: 'episode.create',
    resourceType: 'episode',
    resourceId: id,
    outcome: 'success',
    subjectClientId: input.clientId,
    detail: { imported: true, returning: input.previousEpisodeId !== null },
  });
  return row;
}
