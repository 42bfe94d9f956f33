import { CORE_10 } from './core-10';
import { GAD_7 } from './gad-7';
import { K10 } from './k10';
import { PCL_5 } from './pcl-5';
import { PHQ_4 } from './phq-4';
import { PHQ_9 } from './phq-9';
import { SESSION_FEEDBACK } from './session-feedback';
import type { InstrumentDefinition, InstrumentRef } from './types';
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

/**
 * The definition for a key, or undefined when no such instrument ships. A definition passed in is
 * returned as is: a practice's own instrument (resolved by the domain) is scored, charted and
 * mapped to FHIR by the same functions as the shipped ones.
 */
export function findInstrument(ref: InstrumentRef): InstrumentDefinition | undefined {
  return typeof ref === 'string' ? BY_KEY.get(ref) : ref;
}

/** The definition for a key (or the definition given); throws when the key is unknown. */
export function getInstrument(ref: InstrumentRef): InstrumentDefinition {
  const found = findInstrument(ref);
  if (!found) throw new Error(`Unknown instrument "${String(ref)}".`);
  return found;
}

/** Lowest and highest answer value an item accepts. */
export function answerRange(definition: InstrumentDefinition): { min: number; max: number } {
  const values = definition.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

export { CORE_10, GAD_7, K10, PCL_5, PHQ_4, PHQ_9, SESSION_FEEDBACK, WHO_5 };
