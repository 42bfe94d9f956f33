import { CORE_10 } from './core-10';
import { GAD_7 } from './gad-7';
import { K10 } from './k10';
import { PCL_5 } from './pcl-5';
import { PHQ_4 } from './phq-4';
import { PHQ_9 } from './phq-9';
import { SESSION_FEEDBACK } from './session-feedback';
import type { InstrumentDefinition } from './types';
import { WHO_5 } from './who-5';

/** The instruments shipped by default (CLINICAL.md §1). */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [
  PHQ_9,
  GAD_7,
  PHQ_4,
  WHO_5,
  K10,
  PCL_5,
  CORE_10,
  SESSION_FEEDBACK,
];

const BY_KEY = new Map(INSTRUMENTS.map((d) => [d.key, d]));

/** The definition for a key, or undefined when no such instrument ships. */
export function findInstrument(key: string): InstrumentDefinition | undefined {
  return BY_KEY.get(key);
}

/** The definition for a key; throws when the key is unknown (a programming error). */
export function getInstrument(key: string): InstrumentDefinition {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`Unknown instrument "${key}".`);
  return found;
}

/** Lowest and highest answer value an item accepts. */
export function answerRange(definition: InstrumentDefinition): { min: number; max: number } {
  const values = definition.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

export { CORE_10, GAD_7, K10, PCL_5, PHQ_4, PHQ_9, SESSION_FEEDBACK, WHO_5 };
