import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { inVisibleEpisode } from './episode-scope';
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
  return inVisibleEpisode(
    ctx,
    { action: 'goal.list', episodeId, roles: ['therapist', 'client'] },
    async (tx, access, actor) => {
      const items =
        access.as === 'therapist'
          ? await therapistGoalViews(tx, ctx, actor.practiceId, episodeId)
          : await clientGoalViews(tx, ctx, actor.practiceId, episodeId);
      await recordAudit(tx, ctx, {
        action: 'goal.list',
        resourceType: 'episode',
        resourceId: episodeId,
        outcome: 'success',
        detail: { count: items.length },
      });
      return items;
    },
  );
}
