import { getInstrument } from '../instruments';
import type { ScoreResult } from '../scoring';
import { ALERT_RULES_VERSION, type Alert } from './types';

/**
 * Risk item (CLINICAL.md §4): PHQ-9 item 9 > 0 or CORE-10 item 6 > 0 → urgent alert to the
 * therapist at once. A positive PHQ-9 item 9 needs assessment by someone competent to assess
 * suicide risk (Kroenke et al. 2001).
 */
export function riskItemAlert(result: ScoreResult): Alert | null {
  if (!result.flags.includes('risk-item')) return null;
  const definition = getInstrument(result.instrument);
  const flag = definition.flags.find((f) => f.key === 'risk-item');
  if (flag?.kind !== 'item-above') return null;
  const item = definition.items[flag.item - 1]!;
  // Risk items are never reverse-scored, so the item score is the answer given.
  const answer = result.itemScores[flag.item - 1];
  return {
    rule: 'risk-item',
    version: ALERT_RULES_VERSION,
    inputs: { instrument: result.instrument, item: flag.item, text: item.text, answer },
    source: `${definition.title} item ${flag.item} > 0 (CLINICAL.md §4; ${definition.attribution})`,
  };
}
