import { type AccessContext, performOnEpisode } from '../access';
import { listThreads as listByEpisode } from './repository';
import { type ThreadView, toThreadView } from './views';

/** The themes the therapist keeps following in an episode (therapist-only, newest first). */
export async function listThreads(
  ctx: AccessContext,
  episodeId: string,
  status: 'open' | 'closed' | 'all' = 'open',
): Promise<ThreadView[]> {
  return performOnEpisode(ctx, 'thread.list', episodeId, async (tx, step) => {
    const rows = await listByEpisode(tx, step.actor.practiceId, episodeId, status);
    step.audit({ detail: { count: rows.length } });
    return Promise.all(rows.map((r) => toThreadView(tx, ctx, r)));
  });
}
