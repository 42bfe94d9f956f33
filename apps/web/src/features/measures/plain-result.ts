import type { AnswerOption, ScoredResponse } from '../../api/measure-types';

// Band labels that describe a range of a scale and read calmly to a client. Labels that sound
// like a diagnosis (probable-ptsd, likely-depression) are never shown to the client: the
// therapist talks them through.
const RANGE_BANDS = new Set([
  'none',
  'minimal',
  'healthy',
  'low',
  'mild',
  'moderate',
  'moderately-severe',
  'severe',
  'high',
  'very-high',
  'adequate',
]);

function maxTotal(itemCount: number, options: AnswerOption[]): number {
  return itemCount * Math.max(0, ...options.map((o) => o.value));
}

/** "Your score was 8 of 27 — in the mild range." */
export function plainResult(
  response: ScoredResponse,
  itemCount: number,
  options: AnswerOption[],
): string {
  if (response.percentage !== undefined) {
    return `Your score was ${response.percentage} out of 100.`;
  }
  const max = maxTotal(itemCount, options);
  const score = max > 0 ? `${response.total} of ${max}` : String(response.total);
  const band = response.band && RANGE_BANDS.has(response.band) ? response.band : null;
  return band
    ? `Your score was ${score} — in the ${band.replace(/-/g, ' ')} range.`
    : `Your score was ${score}.`;
}
