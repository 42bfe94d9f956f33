import type { MeasurementPlan } from '@throughline/contracts';
import type { PlanItem } from './plan-defaults';
import type { measurementPlans } from './tables';

export type MeasurementPlanView = MeasurementPlan;

export type PlanRow = typeof measurementPlans.$inferSelect;

export function toPlanItem(row: PlanRow): PlanItem & { startsOn: string | null } {
  return {
    instrument: row.instrument,
    schedule: row.schedule,
    everyN: row.everyN,
    active: row.active,
    startsOn: row.startsOn,
  };
}
