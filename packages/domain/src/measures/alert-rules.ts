import {
  type Alert,
  allianceDropAlert,
  notOnTrackAlert,
  reliableDeteriorationAlert,
  riskItemAlert,
  type ScoreResult,
} from '@throughline/clinical';
import { changeOptions, defaultMeasureSettings, type MeasureSettings } from './practice-settings';
import type { AlertKind } from './views';

export type FiredAlert = { kind: AlertKind; severity: 'urgent' | 'warning'; alert: Alert };

export type History = {
  /** Totals of earlier responses on the same instrument in the episode, oldest first. */
  previous: number[];
  sessionNumber: number;
};

/**
 * Runs the alert rules of CLINICAL.md §4 on a new score against the episode's history: the risk
 * item (urgent), reliable deterioration from the first score, not on track (change measures) and
 * alliance drop (session feedback against the client's running mean).
 */
export function evaluateAlerts(
  result: ScoreResult,
  history: History,
  settings: MeasureSettings = defaultMeasureSettings(),
): FiredAlert[] {
  const fired: FiredAlert[] = [];
  const risk = riskItemAlert(result);
  if (risk) fired.push({ kind: 'risk-item', severity: 'urgent', alert: risk });
  const definition = settings.catalogue.get(result.instrument, result.version);
  const first = history.previous[0];
  if (result.instrument === 'session-feedback') {
    const drop = allianceDropAlert(result.total, history.previous);
    if (drop) fired.push({ kind: 'alliance-drop', severity: 'warning', alert: drop });
    return fired;
  }
  // The change rules need a reliable-change value and a cut-off (not PHQ-4, not K10 by default).
  if (first === undefined || !definition.reliableChange || !definition.caseness) return fired;
  // The practice's choices where a rule lets it choose (PCL-5 reliable change, 5–10).
  const options = changeOptions(settings, result.instrument);
  const deterioration = reliableDeteriorationAlert(definition, first, result.total, {
    ...(result.cutoff === undefined ? {} : { cutoff: result.cutoff }),
    ...options,
  });
  if (deterioration)
    fired.push({ kind: 'reliable-deterioration', severity: 'warning', alert: deterioration });
  const offTrack = notOnTrackAlert(definition, {
    session: history.sessionNumber,
    first,
    current: result.total,
    ...(result.cutoff === undefined ? {} : { cutoff: result.cutoff }),
    ...options,
  });
  if (offTrack) fired.push({ kind: 'not-on-track', severity: 'warning', alert: offTrack });
  return fired;
}
