import { describe, expect, it } from 'vitest';
import { getInstrument } from '../instruments';
import { validateAnswers } from './validate';

const phq9 = getInstrument('phq-9');

describe('validateAnswers (never prorate)', () => {
  it('accepts a complete form', () => {
    expect(validateAnswers(phq9, [0, 1, 2, 3, 0, 1, 2, 3, 0])).toEqual([]);
  });
  it('names the first missing item when too few answers', () => {
    expect(validateAnswers(phq9, [0, 0, 0, 0, 0, 0, 0, 0])).toEqual([
      { item: 9, message: 'is missing (must be 0–3)' },
    ]);
  });
  it('names the surplus items when too many', () => {
    expect(validateAnswers(phq9, Array(10).fill(0))).toEqual([
      { item: 10, message: 'Patient Health Questionnaire (PHQ-9) has only 9 items' },
    ]);
  });
  it('names a null or sparse item as missing', () => {
    const sparse: unknown[] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    sparse[3] = null;
    expect(validateAnswers(phq9, sparse)).toEqual([
      { item: 4, message: 'is missing (must be 0–3)' },
    ]);
  });
  it('refuses a non-integer or non-number', () => {
    expect(validateAnswers(phq9, [0, 1.5, '2', 0, 0, 0, 0, 0, 0])).toEqual([
      { item: 2, message: 'must be a whole number 0–3' },
      { item: 3, message: 'must be a whole number 0–3' },
    ]);
  });
  it('refuses out-of-range values, naming the item', () => {
    expect(validateAnswers(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 4])).toEqual([
      { item: 9, message: 'must be 0–3' },
    ]);
    expect(validateAnswers(phq9, [-1, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual([
      { item: 1, message: 'must be 0–3' },
    ]);
  });
  it('uses each instrument’s own range (K10 is 1–5)', () => {
    const k10 = getInstrument('k10');
    expect(validateAnswers(k10, [0, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([
      { item: 1, message: 'must be 1–5' },
    ]);
    expect(validateAnswers(k10, Array(10).fill(5))).toEqual([]);
  });
});
