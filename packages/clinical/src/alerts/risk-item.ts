import { getInstrument } from '../instruments';
import type { InstrumentRef } from '../instruments/types';
import type { ScoreResult } from '../scoring';
import { riskItemsOf } from '../scoring/risk';
import { ALERT_RULES_VERSION, type Alert } from './types';

/**
 * Risk item (CLINICAL.md §4): PHQ-9 item 9 > 0 or CORE-10 item 6 > 0 → urgent alert to the
 * therapist at once. A positive PHQ-9 item 9 needs assessment by someone competent to assess
 * suicide risk (Kroenke et al. 2001).
 */
export function riskItemAlert(result: ScoreResult): Alert | null {
  if (!result.flags.includes('risk-item')) return null;
  // Risk items are never reverse-scored, so the item score is the answer given.
  return riskItemAlertFromAnswers(result.instrument, result.itemScores, 'complete');
}

/**
 * The same alert from raw answers that may be incomplete or invalid (a partial save, a form with
 * a gap): a risk item is never lost to validation (CLINICAL.md §1). `form` is recorded in the
 * inputs so the therapist knows the rest of the form was not scored.
 */
export function riskItemAlertFromAnswers(
  key: InstrumentRef,
  answers: readonly unknown[],
  form: 'complete' | 'incomplete',
): Alert | null {
  const [finding] = riskItemsOf(key, answers);
  if (!finding) return null;
  const definition = getInstrument(key);
  const item = definition.items[finding.item - 1]!;
  return {
    rule: 'risk-item',
    version: ALERT_RULES_VERSION,
    inputs: {
      instrument: definition.key,
      item: finding.item,
      text: item.text,
      answer: finding.answer,
      ...(form === 'incomplete' ? { form } : {}),
    },
    source: `${definition.title} item ${finding.item} > 0 (CLINICAL.md §4; ${definition.attribution})`,
  };
}
