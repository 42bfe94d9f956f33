import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { notFound } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';
import { nextPhases } from './phases';
import {
  type EpisodeListRow,
  findById,
  findClientSummary,
  listPhaseChanges,
  listPreviousIds,
} from './repository';
import { type EpisodeDetail, toEpisodeView, toPhaseChangeView } from './views';

/** Reads the detail of an episode already found visible to `actor`. */
export async function readDetail(
  tx: Executor,
  row: EpisodeListRow,
  asClient: boolean,
): Promise<EpisodeDetail> {
  const [client, changes, previousEpisodeIds] = await Promise.all([
    findClientSummary(tx, row.practiceId, row.clientId),
    listPhaseChanges(tx, row.practiceId, row.id),
    listPreviousIds(tx, row.practiceId, row.previousEpisodeId),
  ]);
  if (!client) throw new Error('episode without its client');
  return {
    ...toEpisodeView(row),
    client,
    // The reasons for phase changes are the therapist's clinical reasoning, not client-facing.
    phaseHistory: changes.map((c) => toPhaseChangeView(c, !asClient)),
    previousEpisodeIds,
    nextPhases: asClient ? [] : [...nextPhases(row.phase)],
  };
}

/**
 * One episode with its client, phase history and the chain of earlier episodes. The therapist of
 * the episode and the client it is about may read it; anyone else gets 404 (audited as denied).
 */
export async function getEpisode(ctx: AccessContext, episodeId: string): Promise<EpisodeDetail> {
  const actor = signedIn(ctx);
  const detail = await inTransaction(ctx.services.db, async (tx) => {
    const row = await findById(tx, actor, episodeId);
    await recordAudit(tx, ctx, {
      action: 'episode.read',
      resourceType: 'episode',
      resourceId: episodeId,
      outcome: row ? 'success' : 'denied',
    });
    return row ? readDetail(tx, row, actor.role === 'client') : undefined;
  });
  if (!detail) throw notFound('episode');
  return detail;
}
