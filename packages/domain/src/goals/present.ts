import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { latestClientRatings, latestPlan, latestReviewLevels, listByEpisode } from './repository';
import {
  type ClientGoalView,
  type GoalView,
  openGoal,
  openSnapshot,
  type Rating,
  ratingCommentPurpose,
} from './views';

async function ratingsByGoal(
  tx: Executor,
  ctx: AccessContext,
  practiceId: string,
  goalIds: string[],
): Promise<Map<string, Rating>> {
  const rows = await latestClientRatings(tx, practiceId, goalIds);
  const out = new Map<string, Rating>();
  for (const r of rows) {
    out.set(r.goalId, {
      level: r.level,
      comment: r.comment
        ? await ctx.services.keyring.decrypt(tx, practiceId, r.comment, ratingCommentPurpose(r.id))
        : null,
      ratedAt: r.createdAt,
    });
  }
  return out;
}

/** Every goal of the episode, for its therapist. */
export async function therapistGoalViews(
  tx: Executor,
  ctx: AccessContext,
  practiceId: string,
  episodeId: string,
): Promise<GoalView[]> {
  const rows = await listByEpisode(tx, practiceId, episodeId);
  const ratings = await ratingsByGoal(
    tx,
    ctx,
    practiceId,
    rows.map((r) => r.id),
  );
  const reviews = new Map(
    (await latestReviewLevels(tx, practiceId, episodeId)).map((r) => [r.goalId, r]),
  );
  return Promise.all(
    rows.map(async (row) => {
      const review = reviews.get(row.id);
      return {
        ...(await openGoal(tx, ctx, row)),
        latestClientRating: ratings.get(row.id) ?? null,
        latestReview: review
          ? { reviewId: review.reviewId, level: review.level, reviewedAt: review.reviewedAt }
          : null,
      };
    }),
  );
}

/**
 * The goals as the client last saw them shared (nothing before the plan is shared), with the
 * client's own latest rating of each.
 */
export async function clientGoalViews(
  tx: Executor,
  ctx: AccessContext,
  practiceId: string,
  episodeId: string,
): Promise<ClientGoalView[]> {
  const plan = await latestPlan(tx, practiceId, episodeId);
  if (!plan) return [];
  const snapshot = await openSnapshot(tx, ctx, plan);
  const ratings = await ratingsByGoal(
    tx,
    ctx,
    practiceId,
    snapshot.goals.map((g) => g.goalId),
  );
  return snapshot.goals.map((g) => ({
    id: g.goalId,
    episodeId,
    clientWords: g.clientWords,
    objectives: g.objectives,
    status: g.status,
    latestRating: ratings.get(g.goalId) ?? null,
  }));
}
