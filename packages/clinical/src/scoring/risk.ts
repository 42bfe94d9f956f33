import { findInstrument } from '../instruments';
import type { InstrumentDefinition, InstrumentRef } from '../instruments/types';

/** One risk item answered above its threshold: the flag it raises, the item and the answer. */
export type RiskFinding = { flag: string; item: number; answer: number };

/**
 * The risk items (flags marked `risk`, e.g. PHQ-9 item 9, CORE-10 item 6) answered above their
 * threshold, read from raw answers that may be incomplete or invalid (nulls, a wrong count, other
 * items out of range). CLINICAL.md §1: "a risk item is never lost to validation". Any number above
 * the threshold counts, even one outside the scale (a 7 on item 9 is still not "not at all"):
 * when in doubt, the safe reading is the one that raises the alert.
 */
export function riskItemsAnswered(
  definition: InstrumentDefinition,
  answers: readonly unknown[],
): RiskFinding[] {
  const found: RiskFinding[] = [];
  for (const flag of definition.flags) {
    if (flag.kind !== 'item-above' || !flag.risk) continue;
    const answer = answers[flag.item - 1];
    if (typeof answer === 'number' && Number.isFinite(answer) && answer > flag.above)
      found.push({ flag: flag.key, item: flag.item, answer });
  }
  return found;
}

/** `riskItemsAnswered` by instrument key; an unknown key has no risk items. */
export function riskItemsOf(key: InstrumentRef, answers: readonly unknown[]): RiskFinding[] {
  const definition = findInstrument(key);
  return definition ? riskItemsAnswered(definition, answers) : [];
}
