import type { AccessContext } from '../access';
import { performOnEpisode } from '../access';
import { listReviewRatings, listReviews } from './repository';
import type { GoalReviewView } from './review-goals';
import { reviewNotePurpose } from './views';

/** The episode's goal reviews in time order: the GAS T-score series for a chart. */
export async function listGoalReviews(
  ctx: AccessContext,
  episodeId: string,
): Promise<GoalReviewView[]> {
  return performOnEpisode(ctx, 'goal.review.list', episodeId, async (tx, step) => {
    const { actor } = step;
    const reviews = await listReviews(tx, actor.practiceId, episodeId);
    const ratings = await listReviewRatings(tx, actor.practiceId, episodeId);
    step.audit({
      resourceType: 'episode',
      resourceId: episodeId,
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
  });
}
