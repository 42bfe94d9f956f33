import { type AccessContext, performOnEpisode } from '../access';
import type { InstrumentCatalogue } from '../instruments';
import { readCatalogue } from '../instruments';
import type { Executor } from '../shared/transaction';
import { DEFAULT_MEASUREMENT_PLAN } from './plan-defaults';
import { type MeasurementPlanView, type PlanRow, toPlanItem } from './plan-views';
import { insertDefaultsIfNone, listPlanByEpisode } from './plans-repository';
import { readMeasureSettings } from './practice-settings';

/**
 * The measurement plan of an episode (its therapist only). An episode without one gets the
 * practice defaults on first read, so every episode is measured unless the therapist says otherwise.
 */
export async function getMeasurementPlan(
  ctx: AccessContext,
  episodeId: string,
): Promise<MeasurementPlanView> {
  return performOnEpisode(ctx, 'measurement-plan.read', episodeId, async (tx, step) => {
    const rows = await planOrDefaults(tx, step.episode, step.actor.userId);
    step.audit({ detail: { items: rows.length } });
    return toPlanView(episodeId, rows, await readCatalogue(tx, step.episode.practiceId));
  });
}

/** The episode's plan rows, creating the practice defaults first when there are none. */
export async function planOrDefaults(
  tx: Executor,
  episode: { practiceId: string; id: string; therapistId: string },
  createdBy: string,
): Promise<PlanRow[]> {
  const rows = await listPlanByEpisode(tx, episode.practiceId, episode.id);
  if (rows.length > 0) return rows;
  // Instruments the practice switched off are not planned (issue 7, item 21).
  const { enabledInstruments } = await readMeasureSettings(tx, episode.practiceId);
  await insertDefaultsIfNone(
    tx,
    { practiceId: episode.practiceId, episodeId: episode.id, createdBy },
    DEFAULT_MEASUREMENT_PLAN.filter((item) => enabledInstruments.includes(item.instrument)),
  );
  return listPlanByEpisode(tx, episode.practiceId, episode.id);
}

export function toPlanView(
  episodeId: string,
  rows: readonly PlanRow[],
  catalogue: InstrumentCatalogue,
): MeasurementPlanView {
  const keys = catalogue.choices().map((d) => d.key);
  // A retired practice instrument still in a plan sorts last.
  const order = (key: string): number => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  return {
    episodeId,
    // In the order the instruments are listed (as the practice's forms are), not insertion order.
    items: [...rows]
      .sort((a, b) => order(a.instrument) - order(b.instrument))
      .map((r) => ({ ...toPlanItem(r), title: catalogue.get(r.instrument).title })),
  };
}
