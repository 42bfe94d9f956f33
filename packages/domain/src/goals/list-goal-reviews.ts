import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { inVisibleEpisode } from './episode-scope';
import { listReviewRatings, listReviews } from './repository';
import type { GoalReviewView } from './review-goals';
import { reviewNotePurpose } from './views';

/** The episode's goal reviews in time order: the GAS T-score series for a chart. */
export async function listGoalReviews(
  ctx: AccessContext,
  episodeId: string,
): Promise<GoalReviewView[]> {
  return inVisibleEpisode(
    ctx,
    { action: 'goal.review.list', episodeId, roles: ['therapist'] },
    async (tx, _access, actor) => {
      const reviews = await listReviews(tx, actor.practiceId, episodeId);
      const ratings = await listReviewRatings(tx, actor.practiceId, episodeId);
      await recordAudit(tx, ctx, {
        action: 'goal.review.list',
        resourceType: 'episode',
        resourceId: episodeId,
        outcome: 'success',
        detail: { count: reviews.length },
      });
      return Promise.all(
        reviews.map(async (r) => ({
          id: r.id,
          episodeId,
          reviewedAt: r.reviewedAt,
          tScore: r.tScore,
          rule: r.rule,
          ruleVersion: r.ruleVersion,
          note: r.note
            ? await ctx.services.keyring.decrypt(
                tx,
                actor.practiceId,
                r.note,
                reviewNotePurpose(r.id),
              )
            : null,
          ratings: ratings
            .filter((x) => x.reviewId === r.id)
            .map(({ goalId, level, weight }) => ({ goalId, level, weight })),
        })),
      );
    },
  );
}
