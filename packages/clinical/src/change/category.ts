import { checkPositive, checkTotal } from '../guards/checks';
import { ClinicalInputError } from '../guards/errors';
import { getInstrument } from '../instruments';
import type { InstrumentDefinition, InstrumentRef } from '../instruments/types';

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
  /**
   * Overrides the published value (e.g. one computed from SD and reliability, or a practice's
   * PCL-5 choice). Where the instrument publishes a range (PCL-5: 5–10) it must lie within it.
   */
  reliableChange?: number;
  /** PCL-5 cut-off when a practice chose 31 or 32. */
  cutoff?: number;
};

/** Whether a raw total is a case on this instrument (CLINICAL.md §2 default cut-offs). */
export function isCase(definition: InstrumentDefinition, total: number, cutoff?: number): boolean {
  const rule = definition.caseness;
  if (!rule) throw new Error(`${definition.title} has no clinical cut-off.`);
  checkTotal(definition, 'total', total);
  checkCutoff(definition, cutoff);
  const value = onScale(definition, total, rule.on);
  if ('below' in rule) return value < rule.below;
  const threshold =
    rule.atLeast === 'cutoff' ? (cutoff ?? definition.cutoff!.default) : rule.atLeast;
  return value >= threshold;
}

/** A cut-off is the published one or one of the values a practice may choose (PCL-5 31–33). */
function checkCutoff(definition: InstrumentDefinition, cutoff: number | undefined): void {
  if (cutoff === undefined) return;
  const published = definition.cutoff;
  const allowed =
    published?.configurable ??
    (published ? { min: published.default, max: published.default } : undefined);
  if (
    !allowed ||
    typeof cutoff !== 'number' ||
    !Number.isInteger(cutoff) ||
    cutoff < allowed.min ||
    cutoff > allowed.max
  )
    throw new ClinicalInputError(
      'cutoff',
      allowed
        ? `The ${definition.key} cut-off must be ${allowed.min === allowed.max ? allowed.min : `${allowed.min}–${allowed.max}`}, not ${String(cutoff)}.`
        : `${definition.title} has no cut-off to choose.`,
    );
}

/** The reliable-change value to use: the published one, or a supplied one (checked). */
function resolveReliableChange(
  definition: InstrumentDefinition,
  supplied: number | undefined,
): { value: number; source: string } | undefined {
  const published = definition.reliableChange;
  if (supplied === undefined)
    return published ? { value: published.value, source: published.source } : undefined;
  const value = checkPositive('reliableChange', supplied);
  const range = published?.configurable;
  if (range && (value < range.min || value > range.max))
    throw new ClinicalInputError(
      'reliableChange',
      `The ${definition.key} reliable-change value must be ${range.min}–${range.max} points, not ${value}.`,
    );
  if (range) return { value, source: range.source };
  return { value, source: 'supplied' };
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
  key: InstrumentRef,
  first: number,
  last: number,
  options: PairOptions = {},
): PairChange {
  const definition = getInstrument(key);
  checkTotal(definition, 'first', first);
  checkTotal(definition, 'last', last);
  const published = definition.reliableChange;
  const rc = resolveReliableChange(definition, options.reliableChange);
  if (rc === undefined)
    throw new Error(`${definition.title} has no reliable-change value; pass one computed from SD.`);
  const rcValue = rc.value;
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
    rule: `Jacobson & Truax 1991 categories; reliable change ≥ ${rcValue} (${rc.source})`,
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
