import type { InstrumentDefinition } from '../instruments/types';
import { ClinicalInputError } from './errors';

const show = (value: unknown): string =>
  typeof value === 'string' ? `"${value}"` : String(value as number);

/** A whole number of at least `min` (session counts, session numbers). */
export function checkCount(field: string, value: unknown, min = 0): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw new ClinicalInputError(
      field,
      `${field} must be a whole number of at least ${min}, not ${show(value)}.`,
    );
  return value;
}

/** Lowest and highest total an instrument can produce (reverse-scoring keeps the range). */
export function totalRange(definition: InstrumentDefinition): { min: number; max: number } {
  const values = definition.options.map((o) => o.value);
  const n = definition.items.length;
  return { min: Math.min(...values) * n, max: Math.max(...values) * n };
}

/** A raw total the instrument can actually produce: a whole number within its range. */
export function checkTotal(
  definition: InstrumentDefinition,
  field: string,
  value: unknown,
): number {
  const { min, max } = totalRange(definition);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ClinicalInputError(
      field,
      `${field} must be a whole-number ${definition.key} total ${min}–${max}, not ${show(value)}.`,
    );
  return value;
}

/** A finite number strictly above zero (reliable-change values, weights). */
export function checkPositive(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw new ClinicalInputError(field, `${field} must be a positive number, not ${show(value)}.`);
  return value;
}
