import {
  type ChangeCategory,
  classifyChange,
  type InstrumentDefinition,
  type PairChange,
} from '@throughline/clinical';
import type * as Contract from '@throughline/contracts';
import { type AccessContext, performOnEpisode, signedIn } from '../access';
import {
  changeOptions,
  defaultMeasureSettings,
  type MeasureSettings,
  readMeasureSettings,
} from './practice-settings';
import { listByEpisode } from './repository';
import { type ResponseRow, sessionNumberOf } from './views';

export type ScorePoint = Contract.ScorePoint;

/** Chart data for one instrument: the series with its bands, cut-off and reliable-change band. */
export type InstrumentScores = Contract.InstrumentScores;

/** The cut-off as charts and the readiness review show it, on the scale it is published on. */
export function cutoffOf(d: InstrumentDefinition): InstrumentScores['cutoff'] {
  const c = d.caseness;
  if (!c) return null;
  const multiplier = c.on === 'percentage' ? (d.scoring.percentageMultiplier ?? 1) : 1;
  if ('below' in c) return { value: c.below / multiplier, case: 'below' };
  const value = c.atLeast === 'cutoff' ? (d.cutoff?.default ?? null) : c.atLeast;
  return value === null ? null : { value: value / multiplier, case: 'at-least' };
}

/**
 * The change between two scores, when the instrument has a reliable-change value and a cut-off;
 * the practice's settings choose the value where a rule lets them (PCL-5, 5–10).
 */
export function pairOf(
  key: string,
  first: number,
  last: number,
  settings: MeasureSettings = defaultMeasureSettings(),
): PairChange | null {
  const d = settings.catalogue.get(key);
  if (!d.reliableChange || !d.caseness) return null;
  return classifyChange(d, first, last, changeOptions(settings, key));
}

/** Category of a pair, when the instrument has a reliable-change value and a cut-off. */
export function categoryOf(
  key: string,
  first: number,
  last: number,
  settings?: MeasureSettings,
): ChangeCategory | null {
  return pairOf(key, first, last, settings)?.category ?? null;
}

export function summarise(
  instrument: string,
  rows: ResponseRow[],
  settings?: MeasureSettings,
): InstrumentScores | null {
  const firstRow = rows[0];
  const lastRow = rows.at(-1);
  if (!firstRow || !lastRow) return null;
  const d = (settings ?? defaultMeasureSettings()).catalogue.get(instrument);
  const before = rows.at(-2);
  const pct = d.scoring.percentageMultiplier;
  return {
    instrument,
    title: d.title,
    direction: d.direction,
    bands: d.bands.map((b) => ({
      label: b.label,
      on: b.on ?? 'total',
      min: b.min === 'cutoff' ? (d.cutoff?.default ?? null) : (b.min ?? null),
      max: b.max ?? null,
    })),
    cutoff: cutoffOf(d),
    reliableChange: d.reliableChange
      ? { value: d.reliableChange.value, on: d.reliableChange.on }
      : null,
    series: rows.map((r) => ({
      responseId: r.id,
      completedAt: r.completedAt,
      sessionNumber: sessionNumberOf(r),
      total: r.total,
      ...(pct === undefined ? {} : { percentage: r.total * pct }),
      band: r.band,
      flags: r.flags,
    })),
    first: firstRow.total,
    last: lastRow.total,
    changeSinceFirst: lastRow.total - firstRow.total,
    changeSinceLast: before ? lastRow.total - before.total : null,
    category:
      rows.length > 1 ? categoryOf(instrument, firstRow.total, lastRow.total, settings) : null,
  };
}

/** Groups an episode's responses (oldest first) by instrument, in first-seen order. */
export function byInstrument(rows: ResponseRow[]): Map<string, ResponseRow[]> {
  const groups = new Map<string, ResponseRow[]>();
  for (const r of rows) groups.set(r.instrument, [...(groups.get(r.instrument) ?? []), r]);
  return groups;
}

/** Scores of an episode per instrument, for charts. Therapist of the episode only. */
export async function listScores(
  ctx: AccessContext,
  episodeId: string,
  filter: { instrument?: string | undefined } = {},
): Promise<{ instruments: InstrumentScores[] }> {
  const actor = signedIn(ctx);
  const found = await performOnEpisode(ctx, 'score.list', episodeId, async (tx, step) => {
    const rows = await listByEpisode(tx, actor.practiceId, episodeId, filter.instrument);
    step.audit({ detail: { count: rows.length } });
    return rows;
  });
  const settings = await readMeasureSettings(ctx.services.db, actor.practiceId);
  const instruments: InstrumentScores[] = [];
  for (const [key, rows] of byInstrument(found)) {
    const summary = summarise(key, rows, settings);
    if (summary) instruments.push(summary);
  }
  return { instruments };
}
