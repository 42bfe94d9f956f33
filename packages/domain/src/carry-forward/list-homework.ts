import { type AccessContext, performOnEpisode } from '../access';
import { listHomework as listByEpisode } from './repository';
import { type HomeworkView, toHomeworkView } from './views';

/** Homework of an episode, for its therapist or its client (it is written for the client). */
export async function listHomework(ctx: AccessContext, episodeId: string): Promise<HomeworkView[]> {
  return performOnEpisode(ctx, 'homework.list', episodeId, async (tx, step) => {
    const rows = await listByEpisode(tx, step.actor.practiceId, episodeId);
    step.audit({ detail: { count: rows.length } });
    return Promise.all(rows.map((r) => toHomeworkView(tx, ctx, r)));
  });
}
