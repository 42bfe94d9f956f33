import type * as Contract from '@throughline/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { type AccessContext, performOnEpisode } from '../access';
import { readCatalogue } from '../instruments';
import { measureTasks } from './tables';
import { toTaskSummary } from './task-views';

/** How many of the newest requests the episode page shows. */
export const EPISODE_TASKS_SHOWN = 50;

/**
 * The questionnaires sent in an episode, the latest sent first, with their state (waiting, completed,
 * expired), for its therapist: what the plan has asked of the client so far.
 */
export async function listEpisodeMeasureTasks(
  ctx: AccessContext,
  episodeId: string,
): Promise<Contract.EpisodeMeasureTaskList> {
  return performOnEpisode(ctx, 'measure-task.read', episodeId, async (tx, step) => {
    const rows = await tx
      .select()
      .from(measureTasks)
      .where(
        and(
          eq(measureTasks.practiceId, step.episode.practiceId),
          eq(measureTasks.episodeId, episodeId),
        ),
      )
      .orderBy(desc(measureTasks.createdAt), desc(measureTasks.dueAt))
      .limit(EPISODE_TASKS_SHOWN);
    step.audit({ detail: { count: rows.length } });
    const catalogue = await readCatalogue(tx, step.episode.practiceId);
    return { items: rows.map((r) => toTaskSummary(r, catalogue)) };
  });
}
