import { getInstrument, INSTRUMENTS } from '@throughline/clinical';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { findVisibleEpisode } from '../episodes';
import { notFound } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';
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
  const actor = signedIn(ctx);
  const view = await inTransaction(ctx.services.db, async (tx) => {
    const access = await findVisibleEpisode(tx, actor, episodeId);
    if (access?.as !== 'therapist') {
      await recordAudit(tx, ctx, {
        action: 'measurement-plan.read',
        resourceType: 'episode',
        resourceId: episodeId,
        outcome: 'denied',
        detail: { reason: 'not-found' },
      });
      return undefined;
    }
    const rows = await planOrDefaults(tx, access.episode, actor.userId);
    await recordAudit(tx, ctx, {
      action: 'measurement-plan.read',
      resourceType: 'episode',
      resourceId: episodeId,
      outcome: 'success',
      detail: { items: rows.length },
    });
    return toPlanView(episodeId, rows);
  });
  if (!view) throw notFound('episode');
  return view;
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

const order = (key: string): number => INSTRUMENTS.findIndex((d) => d.key === key);

export function toPlanView(episodeId: string, rows: readonly PlanRow[]): MeasurementPlanView {
  return {
    episodeId,
    // In the order the instruments are listed (as the practice's forms are), not insertion order.
    items: [...rows]
      .sort((a, b) => order(a.instrument) - order(b.instrument))
      .map((r) => ({ ...toPlanItem(r), title: getInstrument(r.instrument).title })),
  };
}
