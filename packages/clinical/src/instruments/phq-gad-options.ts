import type { AnswerOption, Item } from './types';

/**
 * The PHQ/GAD frequency scale with its LOINC answer codes (CLINICAL.md §5). Shared by PHQ-9,
 * GAD-7 and PHQ-4, which print the same four columns.
 */
export const PHQ_FREQUENCY: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all', code: 'LA6568-5' },
  { value: 1, label: 'Several days', code: 'LA6569-3' },
  { value: 2, label: 'More than half the days', code: 'LA6570-1' },
  { value: 3, label: 'Nearly every day', code: 'LA6571-9' },
];

export const PHQ_INSTRUCTIONS =
  'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

export const PFIZER_LICENSE =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute. Keep the wording and this attribution.';

/** Numbers a list of texts as items 1…n. */
export function numbered(texts: readonly string[]): Item[] {
  return texts.map((text, i) => ({ number: i + 1, text }));
}

/** Gives items 1…n the LOINC codes of their questions, in order. */
export function withLoinc(items: readonly Item[], codes: readonly string[]): Item[] {
  if (codes.length !== items.length) throw new Error('One LOINC code per item.');
  return items.map((item, i) => ({ ...item, loinc: codes[i]! }));
}
