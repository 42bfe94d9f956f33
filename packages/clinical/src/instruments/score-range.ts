import { answerRange } from './index';
import type { InstrumentDefinition, ScoreName } from './types';

/**
 * The lowest and highest score an instrument can give on a named score: every shipped total is a
 * sum of items (a reverse-scored item keeps the same range), and WHO-5's percentage is the total
 * times its multiplier (CLINICAL.md §1). A chart drawn on this range shows a score where it sits
 * on the whole scale, not on an axis stretched around one point.
 */
export function scoreRange(
  definition: InstrumentDefinition,
  on: ScoreName = 'total',
): { min: number; max: number } {
  const answers = answerRange(definition);
  const items = definition.items.length;
  const factor = on === 'percentage' ? (definition.scoring.percentageMultiplier ?? 1) : 1;
  return { min: answers.min * items * factor, max: answers.max * items * factor };
}

/**
 * The name a person knows an instrument by: "PHQ-9" from "Patient Health Questionnaire (PHQ-9)",
 * "CORE-10" from "CORE-10 (Clinical Outcomes in Routine Evaluation)" (a bracketed part with spaces
 * is the spelled-out name), the title itself when it has no brackets ("Session feedback").
 */
export function instrumentShortName(definition: InstrumentDefinition): string {
  const match = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(definition.title);
  if (!match) return definition.title;
  const [, before = '', inside = ''] = match;
  return /\s/.test(inside) ? before : inside;
}
