import { answerRange, getInstrument } from '../instruments';

/**
 * Answers (as ticked on the form) whose scored total is `total`, filling items in order and
 * leaving the rest at the minimum. Reverse-scored items are ticked so that they score as intended.
 * `avoid` lists items to keep at their lowest score (e.g. a risk item).
 */
export function answersForTotal(key: string, total: number, avoid: number[] = []): number[] {
  const d = getInstrument(key);
  const { min, max } = answerRange(d);
  let remaining = total - min * d.items.length;
  return d.items.map((item) => {
    const score = avoid.includes(item.number) ? min : Math.min(max, min + Math.max(0, remaining));
    remaining -= score - min;
    return item.reverseScored ? max + min - score : score;
  });
}
