import { classifyChange, isCase } from '../change';
import { checkCount } from '../guards/checks';
import { getInstrument } from '../instruments';
import type { InstrumentRef } from '../instruments/types';
import { ALERT_RULES_VERSION, type Alert } from './types';

/** Reliable deterioration from the episode's first score (CLINICAL.md §4). */
export function reliableDeteriorationAlert(
  key: InstrumentRef,
  first: number,
  current: number,
  options: { cutoff?: number; reliableChange?: number } = {},
): Alert | null {
  const pair = classifyChange(key, first, current, options);
  if (pair.category !== 'deteriorated') return null;
  return {
    rule: 'reliable-deterioration',
    version: ALERT_RULES_VERSION,
    inputs: {
      instrument: pair.instrument,
      ...titleOf(key),
      first,
      current,
      change: pair.change,
      reliableChange: pair.reliableChangeValue,
    },
    source: `Worsened by at least the reliable-change value since the first score (${pair.rule})`,
  };
}

export type NotOnTrackInput = {
  /** The session number this score belongs to (1 = first). */
  session: number;
  first: number;
  current: number;
  cutoff?: number;
  /** A practice's reliable-change value, where the instrument lets one be chosen (PCL-5). */
  reliableChange?: number;
};

/**
 * Not on track (CLINICAL.md §4, default and transparent; configurable later):
 * - from session 8: still a case and improvement under half the reliable-change value;
 * - from session 4: no reliable improvement yet and still above the clinical cut-off.
 * The stricter session-8 rule is reported when both fire. Beware judging too early.
 */
export function notOnTrackAlert(key: InstrumentRef, input: NotOnTrackInput): Alert | null {
  checkCount('session', input.session);
  if (input.session < 4) return null;
  const definition = getInstrument(key);
  if (!definition.caseness || !definition.reliableChange) return null;
  const pair = classifyChange(key, input.first, input.current, {
    ...(input.cutoff === undefined ? {} : { cutoff: input.cutoff }),
    ...(input.reliableChange === undefined ? {} : { reliableChange: input.reliableChange }),
  });
  const improvement =
    definition.direction === 'higher-is-better' ? pair.changeOnScale : -pair.changeOnScale;
  if (!isCase(definition, input.current, input.cutoff)) return null;
  const rc = pair.reliableChangeValue;
  const inputs = {
    instrument: definition.key,
    ...titleOf(key),
    ...input,
    improvement,
    reliableChange: rc,
  };
  if (input.session >= 8 && improvement < rc / 2)
    return {
      rule: 'not-on-track-session-8',
      version: ALERT_RULES_VERSION,
      inputs,
      source:
        'From session 8: not below the cut-off and improvement under half the reliable-change value (CLINICAL.md §4)',
    };
  if (improvement < rc)
    return {
      rule: 'not-on-track-session-4',
      version: ALERT_RULES_VERSION,
      inputs,
      source:
        'From session 4: no reliable improvement yet and still above the clinical cut-off (CLINICAL.md §4)',
    };
  return null;
}

/** A practice's own instrument has no shipped title to look up, so its alerts carry the title. */
function titleOf(ref: InstrumentRef): { title?: string } {
  const definition = getInstrument(ref);
  return definition.origin ? { title: definition.title } : {};
}
