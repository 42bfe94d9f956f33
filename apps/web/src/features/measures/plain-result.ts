import { clientBandWords } from '@throughline/clinical';
import type { AnswerOption, ScoredResponse, Wire } from '@throughline/contracts';

function maxTotal(itemCount: number, options: readonly AnswerOption[]): number {
  return itemCount * Math.max(0, ...options.map((o) => o.value));
}

/**
 * "Your score was 8 of 27 (mild)." The band is worded by the clinical core's client rule, the
 * same the portal's progress uses: screening labels are said as where the score sits, and a band
 * without client wording is left out.
 */
export function plainResult(
  response: Pick<Wire<ScoredResponse>, 'total' | 'band' | 'percentage'>,
  itemCount: number,
  options: readonly AnswerOption[],
): string {
  if (response.percentage !== undefined) {
    return `Your score was ${response.percentage} out of 100.`;
  }
  const max = maxTotal(itemCount, options);
  const score = max > 0 ? `${response.total} of ${max}` : String(response.total);
  const words = clientBandWords(response.band);
  return words ? `Your score was ${score} (${words}).` : `Your score was ${score}.`;
}
