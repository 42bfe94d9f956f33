// Score trajectories of the synthetic clients and the alerts the published rules raise on them.
import {
  type Alert,
  reliableDeteriorationAlert,
  riskItemAlert,
  type ScoreResult,
} from '@throughline/clinical';
import type { Random } from './random';

export type Trajectory = 'improving' | 'flat' | 'worsening';

const MAX = { 'phq-9': 27, 'gad-7': 21 } as const;

/** The total at `progress` (0 = first session, 1 = last) of a course, with session-to-session noise. */
export function trajectoryScore(
  rnd: Random,
  instrument: 'phq-9' | 'gad-7',
  start: number,
  trajectory: Trajectory,
  progress: number,
): number {
  const change =
    trajectory === 'improving' ? -0.6 * start : trajectory === 'worsening' ? 0.45 * start : 0;
  const noise = rnd.int(-2, 2);
  return Math.max(0, Math.min(MAX[instrument], Math.round(start + change * progress + noise)));
}

export type RaisedAlert = {
  kind: 'risk-item' | 'reliable-deterioration';
  severity: 'urgent' | 'warning';
  alert: Alert;
};

/**
 * What the app's rules raise for this score (CLINICAL.md §4): a risk item every time it is
 * positive; reliable deterioration from the first score once, when it is first crossed.
 */
export function alertsFor(
  result: ScoreResult,
  history: readonly number[],
  instrument: string,
): RaisedAlert[] {
  const raised: RaisedAlert[] = [];
  const risk = riskItemAlert(result);
  if (risk) raised.push({ kind: 'risk-item', severity: 'urgent', alert: risk });
  const first = history[0];
  const previous = history.at(-1);
  if (first !== undefined && previous !== undefined) {
    const now = reliableDeteriorationAlert(instrument, first, result.total);
    const before = history.length > 1 && reliableDeteriorationAlert(instrument, first, previous);
    if (now && !before)
      raised.push({ kind: 'reliable-deterioration', severity: 'warning', alert: now });
  }
  return raised;
}
