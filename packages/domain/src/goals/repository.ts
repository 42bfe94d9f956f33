import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { episodesAbout } from '../access';
import { episodes } from '../episodes/tables';
import { alerts } from '../measures/tables';
import type { Executor } from '../shared/transaction';
import {
  discussionItems,
  goalClientRatings,
  goalReviewRatings,
  goalReviews,
  goals,
  treatmentPlans,
} from './tables';

/**
 * Data access for goals. Callers have already resolved the episode through the actor's access
 * predicate (findVisibleEpisode); every query here carries the practice and that episode.
 */
export type GoalRow = typeof goals.$inferSelect;
export type PlanRow = typeof treatmentPlans.$inferSelect;
export type ReviewRow = typeof goalReviews.$inferSelect;
export type DiscussionItemRow = typeof discussionItems.$inferSelect;

export function listByEpisode(db: Executor, practiceId: string, episodeId: string) {
  return db
    .select()
    .from(goals)
    .where(and(eq(goals.practiceId, practiceId), eq(goals.episodeId, episodeId)))
    .orderBy(goals.createdAt, goals.id);
}

export async function findById(
  db: Executor,
  practiceId: string,
  id: string,
): Promise<GoalRow | undefined> {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.practiceId, practiceId), eq(goals.id, id)));
  return row;
}

/** The latest client rating of each goal of the episode. */
export function latestClientRatings(db: Executor, practiceId: string, goalIds: string[]) {
  if (goalIds.length === 0) return Promise.resolve([]);
  return db
    .selectDistinctOn([goalClientRatings.goalId])
    .from(goalClientRatings)
    .where(
      and(eq(goalClientRatings.practiceId, practiceId), inArray(goalClientRatings.goalId, goalIds)),
    )
    .orderBy(goalClientRatings.goalId, desc(goalClientRatings.createdAt));
}

/** The level each goal had in the latest review that rated it. */
export function latestReviewLevels(db: Executor, practiceId: string, episodeId: string) {
  return db
    .selectDistinctOn([goalReviewRatings.goalId], {
      goalId: goalReviewRatings.goalId,
      reviewId: goalReviews.id,
      level: goalReviewRatings.level,
      reviewedAt: goalReviews.reviewedAt,
    })
    .from(goalReviewRatings)
    .innerJoin(
      goalReviews,
      and(
        eq(goalReviews.practiceId, goalReviewRatings.practiceId),
        eq(goalReviews.id, goalReviewRatings.reviewId),
      ),
    )
    .where(and(eq(goalReviews.practiceId, practiceId), eq(goalReviews.episodeId, episodeId)))
    .orderBy(goalReviewRatings.goalId, desc(goalReviews.reviewedAt));
}

export async function latestPlan(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.practiceId, practiceId), eq(treatmentPlans.episodeId, episodeId)))
    .orderBy(desc(treatmentPlans.version))
    .limit(1);
  return row;
}

export function listReviews(db: Executor, practiceId: string, episodeId: string) {
  return db
    .select()
    .from(goalReviews)
    .where(and(eq(goalReviews.practiceId, practiceId), eq(goalReviews.episodeId, episodeId)))
    .orderBy(goalReviews.reviewedAt, goalReviews.id);
}

export function listReviewRatings(db: Executor, practiceId: string, episodeId: string) {
  return db
    .select({
      reviewId: goalReviewRatings.reviewId,
      goalId: goalReviewRatings.goalId,
      level: goalReviewRatings.level,
      weight: goalReviewRatings.weight,
    })
    .from(goalReviewRatings)
    .innerJoin(
      goalReviews,
      and(
        eq(goalReviews.practiceId, goalReviewRatings.practiceId),
        eq(goalReviews.id, goalReviewRatings.reviewId),
      ),
    )
    .where(and(eq(goalReviews.practiceId, practiceId), eq(goalReviews.episodeId, episodeId)));
}

export async function findDiscussionItem(
  db: Executor,
  practiceId: string,
  id: string,
): Promise<DiscussionItemRow | undefined> {
  const [row] = await db
    .select()
    .from(discussionItems)
    .where(and(eq(discussionItems.practiceId, practiceId), eq(discussionItems.id, id)));
  return row;
}

export function listOpenDiscussionItems(db: Executor, practiceId: string, episodeId: string) {
  return db
    .select()
    .from(discussionItems)
    .where(
      and(
        eq(discussionItems.practiceId, practiceId),
        eq(discussionItems.episodeId, episodeId),
        isNull(discussionItems.resolvedAt),
      ),
    )
    .orderBy(discussionItems.createdAt, discussionItems.id);
}

/** Whether a review or an alert named as a source belongs to the episode. */
export async function sourceInEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
  kind: 'alert' | 'review',
  id: string,
): Promise<boolean> {
  const table = kind === 'alert' ? alerts : goalReviews;
  const found = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.practiceId, practiceId), eq(table.episodeId, episodeId), eq(table.id, id)));
  return found.length > 0;
}

/** The latest shared plan of each episode about the actor (a client's own; none for anyone else). */
export function latestPlansVisibleTo(db: Executor, actor: SignedIn) {
  return db
    .selectDistinctOn([treatmentPlans.episodeId], {
      id: treatmentPlans.id,
      practiceId: treatmentPlans.practiceId,
      episodeId: treatmentPlans.episodeId,
      version: treatmentPlans.version,
      snapshot: treatmentPlans.snapshot,
      sharedBy: treatmentPlans.sharedBy,
      sharedAt: treatmentPlans.sharedAt,
      acknowledgedAt: treatmentPlans.acknowledgedAt,
      acknowledgedBy: treatmentPlans.acknowledgedBy,
    })
    .from(treatmentPlans)
    .innerJoin(
      episodes,
      and(
        eq(episodes.practiceId, treatmentPlans.practiceId),
        eq(episodes.id, treatmentPlans.episodeId),
      ),
    )
    .where(episodesAbout(actor))
    .orderBy(treatmentPlans.episodeId, desc(treatmentPlans.version));
}
