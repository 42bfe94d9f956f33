import { answerRange } from '../instruments';
import type { InstrumentDefinition } from '../instruments/types';

/** One problem with the answers; `item` is 1-based, as printed on the form. */
export type AnswerIssue = { item: number; message: string };

/**
 * Strict validation (CLINICAL.md §1): wrong count, a missing item, a non-integer or an out-of-range
 * value is an error. Never prorate: a form with a gap is not scored.
 */
export function validateAnswers(
  definition: InstrumentDefinition,
  answers: readonly unknown[],
): AnswerIssue[] {
  const { min, max } = answerRange(definition);
  const count = definition.items.length;
  const range = `must be ${min}–${max}`;
  const issues: AnswerIssue[] = [];
  for (let i = 0; i < Math.max(count, answers.length); i++) {
    const item = i + 1;
    if (i >= count) {
      issues.push({ item, message: `${definition.title} has only ${count} items` });
      continue;
    }
    const value = answers[i];
    if (value === undefined || value === null) {
      issues.push({ item, message: `is missing (${range})` });
    } else if (typeof value !== 'number' || !Number.isInteger(value)) {
      issues.push({ item, message: `must be a whole number ${min}–${max}` });
    } else if (value < min || value > max) {
      issues.push({ item, message: range });
    }
  }
  return issues;
}
