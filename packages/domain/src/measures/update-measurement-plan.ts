import { and, eq, notInArray } from 'drizzle-orm';
import { type AccessContext, performOnEpisode } from '../access';
import { AppError, type FieldIssue } from '../shared/errors';
import type { PlanSchedule } from './due';
import { toPlanView } from './get-measurement-plan';
import type { PlanItem } from './plan-defaults';
import type { MeasurementPlanView } from './plan-views';
import { listPlanByEpisode, upsertPlanItems } from './plans-repository';
import { disabledError, readMeasureSettings } from './practice-settings';
import { measurementPlans } from './tables';

export const MAX_EVERY_N = 52;

export type UpdateMeasurementPlanInput = {
  items: {
    instrument: string;
    schedule: PlanSchedule;
    everyN?: number | null | undefined;
    active: boolean;
    startsOn?: string | null | undefined;
  }[];
};

/** Schedules that take n. */
const TAKES_N: ReadonlySet<PlanSchedule> = new Set(['every-n-sessions', 'every-n-weeks']);
const N_WORDS = { 'every-n-sessions': 'sessions', 'every-n-weeks': 'weeks' } as const;

function validate(input: UpdateMeasurementPlanInput): PlanItem[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.instrument)) {
      issues.push({
        path: `items.${i}.instrument`,
        message: 'Each instrument appears once in a plan.',
      });
    }
    seen.add(item.instrument);
    const n = item.everyN;
    if (item.schedule === 'every-n-sessions' || item.schedule === 'every-n-weeks') {
      if (n === undefined || n === null || !Number.isInteger(n) || n < 1 || n > MAX_EVERY_N) {
        issues.push({
          path: `items.${i}.everyN`,
          message: `"Every few ${N_WORDS[item.schedule]}" needs how many, a whole number from 1 to ${MAX_EVERY_N}.`,
        });
      }
    } else if (n !== undefined && n !== null) {
      issues.push({
        path: `items.${i}.everyN`,
        message: 'Only "every few sessions" and "every few weeks" take a number.',
      });
    }
  });
  if (issues.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The measurement plan has problems; see the items named.',
      issues,
    );
  }
  return input.items.map((item) => ({
    instrument: item.instrument,
    schedule: item.schedule,
    everyN: TAKES_N.has(item.schedule) ? (item.everyN ?? null) : null,
    active: item.active,
    startsOn: item.startsOn ?? null,
  }));
}

/**
 * Replaces an episode's measurement plan (its therapist only). Instruments left out are removed
 * (an empty list pauses them all instead); tasks already sent stay as they are.
 */
export async function updateMeasurementPlan(
  ctx: AccessContext,
  episodeId: string,
  input: UpdateMeasurementPlanInput,
): Promise<MeasurementPlanView> {
  const items = validate(input);
  return performOnEpisode(ctx, 'measurement-plan.update', episodeId, async (tx, step) => {
    const { actor } = step;
    const { practiceId } = step.episode;
    // An instrument the practice switched off cannot be planned (issue 7, item 21); an inactive
    // item may stay, so an older plan can still be saved.
    const settings = await readMeasureSettings(tx, practiceId);
    const unknown = items.findIndex((i) => !settings.catalogue.find(i.instrument));
    if (unknown >= 0) {
      const message = `No instrument "${items[unknown]?.instrument}" is available.`;
      throw new AppError('VALIDATION_FAILED', message, [
        { path: `items.${unknown}.instrument`, message },
      ]);
    }
    const off = items.find((i) => i.active && !settings.enabledInstruments.includes(i.instrument));
    if (off) throw disabledError(off.instrument, settings.catalogue);
    if (items.length === 0) {
      // An episode with no plan rows gets the practice defaults on its next read, so an emptied
      // plan keeps its rows, all paused: nothing is sent, and nothing comes back by itself.
      await tx
        .update(measurementPlans)
        .set({ active: false })
        .where(
          and(
            eq(measurementPlans.practiceId, practiceId),
            eq(measurementPlans.episodeId, episodeId),
          ),
        );
      step.audit({ detail: { items: 0, active: 0 } });
      return toPlanView(
        episodeId,
        await listPlanByEpisode(tx, practiceId, episodeId),
        settings.catalogue,
      );
    }
    const keep = items.map((i) => i.instrument);
    await tx
      .delete(measurementPlans)
      .where(
        and(
          eq(measurementPlans.practiceId, practiceId),
          eq(measurementPlans.episodeId, episodeId),
          notInArray(measurementPlans.instrument, keep),
        ),
      );
    await upsertPlanItems(tx, { practiceId, episodeId, createdBy: actor.userId }, items);
    step.audit({ detail: { items: items.length, active: items.filter((i) => i.active).length } });
    return toPlanView(
      episodeId,
      await listPlanByEpisode(tx, practiceId, episodeId),
      settings.catalogue,
    );
  });
}
