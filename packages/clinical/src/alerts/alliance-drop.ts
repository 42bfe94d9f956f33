import { ALERT_RULES_VERSION, type Alert } from './types';

/** Session-feedback total below which the alliance needs attention (CLINICAL.md §4). */
export const ALLIANCE_FLOOR = 30;
/** A fall of this fraction below the client's own running mean (CLINICAL.md §4). */
export const ALLIANCE_DROP = 0.2;

/**
 * Alliance drop (CLINICAL.md §4): the session-feedback total (0–40) falls ≥ 20% below the client's
 * own running mean of earlier sessions, or below 30/40. Prompts a private reflection.
 */
export function allianceDropAlert(current: number, previous: readonly number[]): Alert | null {
  const runningMean =
    previous.length === 0 ? null : previous.reduce((s, v) => s + v, 0) / previous.length;
  const dropped = runningMean !== null && current <= runningMean * (1 - ALLIANCE_DROP);
  const low = current < ALLIANCE_FLOOR;
  if (!dropped && !low) return null;
  return {
    rule: 'alliance-drop',
    version: ALERT_RULES_VERSION,
    inputs: {
      current,
      runningMean,
      previous: [...previous],
      floor: ALLIANCE_FLOOR,
      reason: dropped ? 'below-running-mean' : 'below-floor',
    },
    source: dropped
      ? 'Session feedback ≥ 20% below the client’s running mean (CLINICAL.md §4)'
      : 'Session feedback below 30/40 (CLINICAL.md §4)',
  };
}
