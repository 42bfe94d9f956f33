import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { findVisibleEpisode } from '../episodes';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { listThreads as listByEpisode } from './repository';
import { type ThreadView, toThreadView } from './views';

/** The themes the therapist keeps following in an episode (therapist-only, newest first). */
export async function listThreads(
  ctx: AccessContext,
  episodeId: string,
  status: 'open' | 'closed' | 'all' = 'open',
): Promise<ThreadView[]> {
  const actor = signedIn(ctx);
  const views = await inTransaction(ctx.services.db, async (tx) => {
    const access =
      actor.role === 'therapist' ? await findVisibleEpisode(tx, actor, episodeId) : undefined;
    const rows = access ? await listByEpisode(tx, actor.practiceId, episodeId, status) : undefined;
    await recordAudit(tx, ctx, {
      action: 'thread.list',
      resourceType: 'episode',
      resourceId: episodeId,
      outcome: rows ? 'success' : 'denied',
      ...(rows ? { detail: { count: rows.length } } : {}),
    });
    return rows ? Promise.all(rows.map((r) => toThreadView(tx, ctx, r))) : undefined;
  });
  if (!views) throw notFound('episode');
  return views;
}
