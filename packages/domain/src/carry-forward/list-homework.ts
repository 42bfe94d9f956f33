import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { findVisibleEpisode } from '../episodes';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { listHomework as listByEpisode } from './repository';
import { type HomeworkView, toHomeworkView } from './views';

/** Homework of an episode, for its therapist or its client (it is written for the client). */
export async function listHomework(ctx: AccessContext, episodeId: string): Promise<HomeworkView[]> {
  const actor = signedIn(ctx);
  const views = await inTransaction(ctx.services.db, async (tx) => {
    const access = await findVisibleEpisode(tx, actor, episodeId);
    const rows = access ? await listByEpisode(tx, actor.practiceId, episodeId) : undefined;
    await recordAudit(tx, ctx, {
      action: 'homework.list',
      resourceType: 'episode',
      resourceId: episodeId,
      outcome: rows ? 'success' : 'denied',
      ...(rows ? { detail: { count: rows.length } } : {}),
    });
    return rows ? Promise.all(rows.map((r) => toHomeworkView(tx, ctx, r))) : undefined;
  });
  if (!views) throw notFound('episode');
  return views;
}
