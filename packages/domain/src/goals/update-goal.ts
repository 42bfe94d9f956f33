import { and, eq } from 'drizzle-orm';
import type { AccessContext } from '../access';
import { performOnRecord } from '../access';
import type { GoalInput } from './create-goal';
import { therapistGoalViews } from './present';
import { findById } from './repository';
import { goals } from './tables';
import {
  type GoalStatus,
  type GoalView,
  goalPurpose,
  serialiseGasLevels,
  serialiseObjectives,
} from './views';

export type GoalChanges = Partial<GoalInput> & { status?: GoalStatus | undefined };

/**
 * Changes a goal. The client keeps seeing the plan as it was shared until the therapist shares
 * it again (and is then asked to acknowledge the new version).
 */
export async function updateGoal(
  ctx: AccessContext,
  goalId: string,
  changes: GoalChanges,
): Promise<GoalView> {
  return performOnRecord(
    ctx,
    'goal.update',
    {
      resourceType: 'goal',
      resourceId: goalId,
      what: 'goal',
      find: (tx, { practiceId }) => findById(tx, practiceId, goalId),
    },
    async (tx, row, step) => {
      const { actor } = step;
      const seal = (text: string, field: Parameters<typeof goalPurpose>[1]) =>
        ctx.services.keyring.encrypt(tx, actor.practiceId, text, goalPurpose(goalId, field));
      const set: Partial<typeof goals.$inferInsert> = { updatedAt: ctx.services.now() };
      if (changes.clientWords !== undefined)
        set.clientWords = await seal(changes.clientWords, 'client-words');
      if (changes.therapistWords !== undefined)
        set.therapistWords = await seal(changes.therapistWords, 'therapist-words');
      if (changes.objectives !== undefined)
        set.objectives = await seal(serialiseObjectives(changes.objectives), 'objectives');
      if (changes.gasLevels !== undefined)
        set.gasLevels = await seal(serialiseGasLevels(changes.gasLevels), 'gas-levels');
      if (changes.weight !== undefined) set.weight = changes.weight;
      if (changes.status !== undefined) set.status = changes.status;
      await tx
        .update(goals)
        .set(set)
        .where(and(eq(goals.practiceId, actor.practiceId), eq(goals.id, goalId)));
      step.audit({
        resourceType: 'goal',
        resourceId: goalId,
        detail: { fields: Object.keys(changes).sort().join(',') },
      });
      const views = await therapistGoalViews(tx, ctx, actor.practiceId, row.episodeId);
      const view = views.find((g) => g.id === goalId);
      if (!view) throw new Error('updated goal vanished');
      return view;
    },
  );
}
