import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../access';
import { performOnEpisode } from '../access';
import { goals } from './tables';
import {
  type GasLevels,
  type GoalView,
  goalPurpose,
  openGoal,
  serialiseGasLevels,
  serialiseObjectives,
} from './views';

export type GoalInput = {
  clientWords: string;
  therapistWords: string;
  objectives: string[];
  gasLevels: GasLevels;
  weight?: number | undefined;
};

/** A goal agreed with the client, in their words and the therapist's (ETHICS.md). */
export async function createGoal(
  ctx: AccessContext,
  episodeId: string,
  input: GoalInput,
): Promise<GoalView> {
  return performOnEpisode(ctx, 'goal.create', episodeId, async (tx, step) => {
    const { actor } = step;
    const id = randomUUID();
    const now = ctx.services.now();
    const seal = (text: string, field: Parameters<typeof goalPurpose>[1]) =>
      ctx.services.keyring.encrypt(tx, actor.practiceId, text, goalPurpose(id, field));
    const [row] = await tx
      .insert(goals)
      .values({
        practiceId: actor.practiceId,
        id,
        episodeId,
        clientWords: await seal(input.clientWords, 'client-words'),
        therapistWords: await seal(input.therapistWords, 'therapist-words'),
        objectives: await seal(serialiseObjectives(input.objectives), 'objectives'),
        gasLevels: await seal(serialiseGasLevels(input.gasLevels), 'gas-levels'),
        weight: input.weight ?? 1,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('goal insert returned nothing');
    step.audit({
      resourceType: 'goal',
      resourceId: id,
    });
    return { ...(await openGoal(tx, ctx, row)), latestClientRating: null, latestReview: null };
  });
}
