import type { AnswerOption, InstrumentDefinition, Item } from '../instruments/types';
import { validateAnswers } from '../scoring/validate';

/**
 * Pairs each item with the option answered, after the same strict validation as scoring: a FHIR
 * resource is never built from a form with a gap or an out-of-range value (CLINICAL.md §1).
 */
export function answeredItems(
  definition: InstrumentDefinition,
  answers: readonly number[],
): { item: Item; option: AnswerOption }[] {
  const issues = validateAnswers(definition, answers);
  if (issues.length > 0)
    throw new Error(
      `Cannot map invalid ${definition.key} answers to FHIR: ${issues
        .map((i) => `item ${i.item} ${i.message}`)
        .join('; ')}.`,
    );
  return definition.items.map((item, i) => {
    const option = definition.options.find((o) => o.value === answers[i]);
    if (!option) throw new Error(`No ${definition.key} option has the value ${answers[i]}.`);
    return { item, option };
  });
}
