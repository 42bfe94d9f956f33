import { randomUUID } from 'node:crypto';
import { gasTScore } from '@throughline/clinical';
import type { GoalReview } from '@throughline/contracts';
import type { AccessContext } from '../access';
import { performOnEpisode } from '../access';
import { AppError } from '../shared/errors';
import { listByEpisode } from './repository';
import { goalReviewRatings, goalReviews } from './tables';
import { reviewNotePurpose } from './views';

export type GoalReviewView = GoalReview;

/**
 * A periodic goal review: the therapist rates goals of the episode −2…+2; the GAS T-score comes
 * from the clinical core (CLINICAL.md §1) with each goal's current weight, and is stored with
 * the rule and version that produced it.
 */
export async function reviewGoals(
  ctx: AccessContext,
  episodeId: string,
  input: { ratings: { goalId: string; level: number }[]; note?: string | undefined },
): Promise<GoalReviewView> {
  const seen = new Set<string>();
  input.ratings.forEach((r, i) => {
    if (seen.has(r.goalId))
      throw new AppError('VALIDATION_FAILED', 'Rate each goal once per review.', [
        { path: `ratings.${i}.goalId`, message: 'This goal is rated twice.' },
      ]);
    seen.add(r.goalId);
  });
  return performOnEpisode(ctx, 'goal.review', episodeId, async (tx, step) => {
    const { actor } = step;
    const goals = new Map(
      (await listByEpisode(tx, actor.practiceId, episodeId)).map((g) => [g.id, g]),
    );
    const rated = input.ratings.map((r, i) => {
      const goal = goals.get(r.goalId);
      if (!goal || goal.status === 'discontinued') {
        throw new AppError(
          'VALIDATION_FAILED',
          'Only goals of this episode that are not discontinued can be reviewed.',
          [
            {
              path: `ratings.${i}.goalId`,
              message: goal ? 'This goal was discontinued.' : 'Not a goal of this episode.',
            },
          ],
        );
      }
      return { goalId: r.goalId, level: r.level, weight: goal.weight };
    });
    const gas = gasTScore(rated);
    const id = randomUUID();
    const now = ctx.services.now();
    const note = input.note?.trim() || null;
    await tx.insert(goalReviews).values({
      practiceId: actor.practiceId,
      id,
      episodeId,
      reviewedBy: actor.userId,
      reviewedAt: now,
      tScore: gas.tScore,
      rule: gas.rule,
      ruleVersion: gas.version,
      note: note
        ? await ctx.services.keyring.encrypt(tx, actor.practiceId, note, reviewNotePurpose(id))
        : null,
    });
    await tx
      .insert(goalReviewRatings)
      .values(rated.map((r) => ({ practiceId: actor.practiceId, reviewId: id, ...r })));
    step.audit({
      resourceType: 'goal-review',
      resourceId: id,
      detail: { goals: rated.length },
    });
    return {
      id,
      episodeId,
      reviewedAt: now,
      tScore: gas.tScore,
      rule: gas.rule,
      ruleVersion: gas.version,
      note,
      ratings: rated,
    };
  });
}
