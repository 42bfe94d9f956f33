import type { PlanItem } from './plan-defaults';
import type { measurementPlans } from './tables';

export type MeasurementPlanView = {
  episodeId: string;
  items: (PlanItem & { title: string })[];
};

export type PlanRow = typeof measurementPlans.$inferSelect;

export function toPlanItem(row: PlanRow): PlanItem {
  return {
    instrument: row.instrument,
    schedule: row.schedule,
    everyN: row.everyN,
    active: row.active,
  };
}
