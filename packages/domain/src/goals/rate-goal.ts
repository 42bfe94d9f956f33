import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../access';
import { performOnRecord } from '../access';
import type { Executor } from '../shared/transaction';
import { findById, type GoalRow, latestPlan } from './repository';
import { goalClientRatings } from './tables';
import { openSnapshot, type Rating, ratingCommentPurpose } from './views';

/** A goal of the plan last shared with the client; undefined for any other goal. */
async function findSharedGoal(
  tx: Executor,
  ctx: AccessContext,
  practiceId: string,
  goalId: string,
): Promise<GoalRow | undefined> {
  const goal = await findById(tx, practiceId, goalId);
  if (!goal) return undefined;
  const plan = await latestPlan(tx, practiceId, goal.episodeId);
  if (!plan) return undefined;
  const snapshot = await openSnapshot(tx, ctx, plan);
  return snapshot.goals.some((g) => g.goalId === goalId) ? goal : undefined;
}

/**
 * The client's own rating of progress on a goal shared with them (−2…+2 on the plain-language
 * scale), with an optional comment in their words. Unshared goals do not exist for the client.
 */
export async function rateGoal(
  ctx: AccessContext,
  goalId: string,
  input: { level: number; comment?: string | undefined },
): Promise<Rating & { id: string; goalId: string }> {
  return performOnRecord(
    ctx,
    'goal.rate',
    {
      resourceType: 'goal',
      resourceId: goalId,
      what: 'goal',
      find: (tx, { practiceId }) => findSharedGoal(tx, ctx, practiceId, goalId),
    },
    async (tx, _goal, step) => {
      const { actor } = step;
      const id = randomUUID();
      const now = ctx.services.now();
      const comment = input.comment?.trim() || null;
      await tx.insert(goalClientRatings).values({
        practiceId: actor.practiceId,
        id,
        goalId,
        ratedBy: actor.userId,
        level: input.level,
        comment: comment
          ? await ctx.services.keyring.encrypt(
              tx,
              actor.practiceId,
              comment,
              ratingCommentPurpose(id),
            )
          : null,
        createdAt: now,
      });
      step.audit({
        resourceType: 'goal',
        resourceId: goalId,
      });
      return { id, goalId, level: input.level, comment, ratedAt: now };
    },
  );
}
