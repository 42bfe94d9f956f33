import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import type { PlanItem } from './plan-defaults';
import type { PlanRow } from './plan-views';
import { measurementPlans } from './tables';

/** The plan rows of an episode (callers have checked the episode is visible). */
export function listPlanByEpisode(
  tx: Executor,
  practiceId: string,
  episodeId: string,
): Promise<PlanRow[]> {
  return tx
    .select()
    .from(measurementPlans)
    .where(
      and(eq(measurementPlans.practiceId, practiceId), eq(measurementPlans.episodeId, episodeId)),
    )
    .orderBy(asc(measurementPlans.createdAt), asc(measurementPlans.instrument));
}

/** Inserts or updates plan items (one row per instrument); concurrent first reads are harmless. */
export async function upsertPlanItems(
  tx: Executor,
  base: { practiceId: string; episodeId: string; createdBy: string },
  items: readonly PlanItem[],
): Promise<void> {
  for (const item of items) {
    await tx
      .insert(measurementPlans)
      .values({ ...base, ...item })
      .onConflictDoUpdate({
        target: [
          measurementPlans.practiceId,
          measurementPlans.episodeId,
          measurementPlans.instrument,
        ],
        set: {
          schedule: item.schedule,
          everyN: item.everyN,
          active: item.active,
          startsOn: item.startsOn ?? null,
        },
      });
  }
}

/** Creates the default rows unless the episode has a plan already (first read wins). */
export async function insertDefaultsIfNone(
  tx: Executor,
  base: { practiceId: string; episodeId: string; createdBy: string },
  items: readonly PlanItem[],
): Promise<void> {
  await tx
    .insert(measurementPlans)
    .values(items.map((item) => ({ ...base, ...item })))
    .onConflictDoNothing();
}
