import type { AccessContext } from '../access';
import { performOnEpisode, seesTherapistOnlyFields } from '../access';
import { clientGoalViews, therapistGoalViews } from './present';
import type { ClientGoalView, GoalView } from './views';

/**
 * The goals of an episode: every field for its therapist; for its client, only the goals of the
 * plan last shared with them, in the words that were shared (see ClientGoalView).
 */
export async function listGoals(
  ctx: AccessContext,
  episodeId: string,
): Promise<GoalView[] | ClientGoalView[]> {
  return performOnEpisode(ctx, 'goal.list', episodeId, async (tx, step) => {
    const { actor } = step;
    const items = seesTherapistOnlyFields(step)
      ? await therapistGoalViews(tx, ctx, actor.practiceId, episodeId)
      : await clientGoalViews(tx, ctx, actor.practiceId, episodeId);
    step.audit({
      resourceType: 'episode',
      resourceId: episodeId,
      detail: { count: items.length },
    });
    return items;
  });
}
