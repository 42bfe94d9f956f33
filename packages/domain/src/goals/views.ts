import { GAS_CLIENT_SCALE } from '@throughline/clinical';
import {
  type ClientGoal,
  GAS_LEVEL_KEYS,
  type GasLevelKey,
  GOAL_COMMENT_MAX,
  GOAL_OBJECTIVES_MAX,
  GOAL_STATUSES,
  GOAL_TEXT_MAX,
  type GoalRating,
  type GoalStatus,
  type TherapistGoal,
} from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import type { GoalRow } from './repository';

export {
  GAS_LEVEL_KEYS,
  type GasLevelKey,
  GOAL_COMMENT_MAX,
  GOAL_OBJECTIVES_MAX,
  GOAL_STATUSES,
  GOAL_TEXT_MAX,
  type GoalStatus,
};
export type GasLevels = Record<GasLevelKey, string>;

/**
 * The plain-language GAS scale the client rates on: a clinical rule, kept in packages/clinical.
 * The therapist's own level descriptions stay therapist-only.
 */
export const GAS_PLAIN_SCALE: Record<GasLevelKey, string> = GAS_CLIENT_SCALE;

export const goalPurpose = (
  id: string,
  field: 'client-words' | 'therapist-words' | 'objectives' | 'gas-levels',
): string => `goal.${field}:${id}`;
export const reviewNotePurpose = (id: string): string => `goal-review.note:${id}`;
export const ratingCommentPurpose = (id: string): string => `goal-rating.comment:${id}`;
export const planSnapshotPurpose = (id: string): string => `plan.snapshot:${id}`;
export const discussionTextPurpose = (id: string): string => `discussion-item.text:${id}`;

/** Stored JSON carries a version (STYLE.md habit 6). */
export const serialiseObjectives = (items: readonly string[]): string =>
  JSON.stringify({ v: 1, items });
export const serialiseGasLevels = (levels: GasLevels): string => JSON.stringify({ v: 1, levels });

export type Rating = GoalRating;

/** The therapist's view of a goal: every field, with the latest ratings beside it. */
export type GoalView = TherapistGoal;

/**
 * What the client sees of a goal, as it was in the plan last shared with them: their own words,
 * the objectives and the status. Never the therapist's wording, GAS level descriptions or weight.
 */
export type ClientGoalView = ClientGoal;

export type SnapshotGoal = {
  goalId: string;
  clientWords: string;
  objectives: string[];
  status: GoalStatus;
};
export type PlanSnapshot = { v: 1; goals: SnapshotGoal[] };

export async function openGoal(
  tx: Executor,
  ctx: AccessContext,
  row: GoalRow,
): Promise<Omit<GoalView, 'latestClientRating' | 'latestReview'>> {
  const open = (sealed: string, purpose: string) =>
    ctx.services.keyring.decrypt(tx, row.practiceId, sealed, purpose);
  return {
    id: row.id,
    episodeId: row.episodeId,
    clientWords: await open(row.clientWords, goalPurpose(row.id, 'client-words')),
    therapistWords: await open(row.therapistWords, goalPurpose(row.id, 'therapist-words')),
    objectives: JSON.parse(await open(row.objectives, goalPurpose(row.id, 'objectives'))).items,
    gasLevels: JSON.parse(await open(row.gasLevels, goalPurpose(row.id, 'gas-levels'))).levels,
    weight: row.weight,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function openSnapshot(
  tx: Executor,
  ctx: AccessContext,
  plan: { practiceId: string; id: string; snapshot: string },
): Promise<PlanSnapshot> {
  return JSON.parse(
    await ctx.services.keyring.decrypt(
      tx,
      plan.practiceId,
      plan.snapshot,
      planSnapshotPurpose(plan.id),
    ),
  );
}
