import { getInstrument } from '../instruments';
import type { InstrumentDefinition } from '../instruments/types';

export type ChangeCategory = 'recovered' | 'improved' | 'no-reliable-change' | 'deteriorated';

export type PairChange = {
  instrument: string;
  version: string;
  rule: string;
  first: number;
  last: number;
  /** last − first, in raw total points. */
  change: number;
  /** The change on the scale the reliable-change value is published on (WHO-5: percentage). */
  changeOnScale: number;
  reliableChangeValue: number;
  caseAtStart: boolean;
  caseAtEnd: boolean;
  category: ChangeCategory;
};

export type PairOptions = {
  /** Overrides the published value (e.g. one computed from SD and reliability). */
  reliableChange?: number;
  /** PCL-5 cut-off when a practice chose 31 or 32. */
  cutoff?: number;
};

/** Whether a raw total is a case on this instrument (CLINICAL.md §2 default cut-offs). */
export function isCase(definition: InstrumentDefinition, total: number, cutoff?: number): boolean {
  const rule = definition.caseness;
  if (!rule) throw new Error(`${definition.title} has no clinical cut-off.`);
  const value = onScale(definition, total, rule.on);
  if ('below' in rule) return value < rule.below;
  const threshold =
    rule.atLeast === 'cutoff' ? (cutoff ?? definition.cutoff!.default) : rule.atLeast;
  return value >= threshold;
}

function onScale(definition: InstrumentDefinition, total: number, on: 'total' | 'percentage') {
  return on === 'percentage' ? total * (definition.scoring.percentageMultiplier ?? 1) : total;
}

/**
 * Per-pair category (CLINICAL.md §2): `recovered` = reliable improvement and crossed the cut-off
 * (a case at first, not at last); `improved` = reliable improvement only; `deteriorated` =
 * reliable worsening. Reliable means a change of at least the published value (NHS Talking
 * Therapies convention, "fell by ≥ 6"). Direction follows the instrument: WHO-5 higher is better.
 */
export function classifyChange(
  key: string,
  first: number,
  last: number,
  options: PairOptions = {},
): PairChange {
  const definition = getInstrument(key);
  const published = definition.reliableChange;
  const rcValue = options.reliableChange ?? published?.value;
  if (rcValue === undefined)
    throw new Error(`${definition.title} has no reliable-change value; pass one computed from SD.`);
  const on = published?.on ?? 'total';
  const changeOnScale = onScale(definition, last, on) - onScale(definition, first, on);
  const better = definition.direction === 'higher-is-better' ? changeOnScale : -changeOnScale;
  const caseAtStart = isCase(definition, first, options.cutoff);
  const caseAtEnd = isCase(definition, last, options.cutoff);
  let category: ChangeCategory = 'no-reliable-change';
  if (better >= rcValue) category = caseAtStart && !caseAtEnd ? 'recovered' : 'improved';
  else if (-better >= rcValue) category = 'deteriorated';
  return {
    instrument: definition.key,
    version: definition.version,
    rule: `Jacobson & Truax 1991 categories; reliable change ≥ ${rcValue} (${published?.source ?? 'supplied'})`,
    first,
    last,
    change: last - first,
    changeOnScale,
    reliableChangeValue: rcValue,
    caseAtStart,
    caseAtEnd,
    category,
  };
}
