import { describe, expect, it } from 'vitest';
import { getInstrument } from '../instruments';
import { classifyChange, isCase } from './category';
import {
  clinicalCutoff,
  isReliableChange,
  reliableChangeIndex,
  smallestReliableChange,
  standardErrorOfDifference,
} from './jacobson-truax';

describe('Jacobson & Truax 1991', () => {
  it('S_diff = √2·s₁·√(1 − r)', () => {
    expect(standardErrorOfDifference(10, 0.84)).toBeCloseTo(Math.SQRT2 * 4, 10);
  });
  it('RC = (x₂ − x₁) / S_diff; reliable when |RC| > 1.96', () => {
    const rc = reliableChangeIndex(20, 10, 10, 0.84);
    expect(rc).toBeCloseTo(-10 / (Math.SQRT2 * 4), 10);
    expect(isReliableChange(rc)).toBe(false);
    expect(isReliableChange(-1.97)).toBe(true);
    expect(isReliableChange(1.96)).toBe(false);
    expect(isReliableChange(1.7, 1.645)).toBe(true);
  });
  it('smallest reliable change = 1.96·S_diff (or 1.645 for 90%)', () => {
    expect(smallestReliableChange(10, 0.84)).toBeCloseTo(1.96 * Math.SQRT2 * 4, 10);
    expect(smallestReliableChange(10, 0.84, 1.645)).toBeCloseTo(1.645 * Math.SQRT2 * 4, 10);
  });
  it('refuses impossible SD or reliability', () => {
    expect(() => standardErrorOfDifference(0, 0.8)).toThrow(RangeError);
    expect(() => standardErrorOfDifference(5, 1)).toThrow(RangeError);
  });
  it('cut-off c = (SD_f·M_d + SD_d·M_f) / (SD_f + SD_d)', () => {
    expect(clinicalCutoff({ mean: 5, sd: 4 }, { mean: 17, sd: 5 })).toBeCloseTo(
      (4 * 17 + 5 * 5) / 9,
      10,
    );
  });
});

describe('caseness (CLINICAL.md §2 default cut-offs)', () => {
  it.each([
    ['phq-9', 9, false],
    ['phq-9', 10, true],
    ['gad-7', 7, false],
    ['gad-7', 8, true],
    ['core-10', 10, false],
    ['core-10', 11, true],
    ['k10', 21, false],
    ['k10', 22, true],
    ['pcl-5', 32, false],
    ['pcl-5', 33, true],
    ['who-5', 12, true],
    ['who-5', 13, false],
  ] as const)('%s %i → %s', (key, total, expected) => {
    expect(isCase(getInstrument(key), total)).toBe(expected);
  });
  it('PCL-5 follows a practice cut-off', () => {
    expect(isCase(getInstrument('pcl-5'), 31, 31)).toBe(true);
  });
  it('throws for an instrument without a cut-off', () => {
    expect(() => isCase(getInstrument('phq-4'), 3)).toThrow(/no clinical cut-off/);
  });
});

describe('per-pair categories', () => {
  it.each([
    ['phq-9', 15, 9, 'recovered'],
    ['phq-9', 20, 14, 'improved'],
    ['phq-9', 15, 10, 'no-reliable-change'],
    ['phq-9', 8, 2, 'improved'],
    ['phq-9', 10, 16, 'deteriorated'],
    ['phq-9', 10, 15, 'no-reliable-change'],
    ['gad-7', 12, 7, 'recovered'],
    ['gad-7', 12, 9, 'no-reliable-change'],
    ['gad-7', 5, 9, 'deteriorated'],
    ['core-10', 18, 10, 'recovered'],
    ['core-10', 18, 13, 'no-reliable-change'],
    ['pcl-5', 45, 35, 'improved'],
    ['pcl-5', 40, 30, 'recovered'],
    ['pcl-5', 20, 30, 'deteriorated'],
  ] as const)('%s %i → %i is %s', (key, first, last, category) => {
    expect(classifyChange(key, first, last).category).toBe(category);
  });

  it('WHO-5: higher is better and the value is 10 percentage points', () => {
    // 10 → 13 raw = 40% → 52%: +12 points, crossed raw 13.
    expect(classifyChange('who-5', 10, 13)).toMatchObject({
      category: 'recovered',
      change: 3,
      changeOnScale: 12,
    });
    // +2 raw = +8 points: not reliable.
    expect(classifyChange('who-5', 10, 12).category).toBe('no-reliable-change');
    expect(classifyChange('who-5', 20, 17).category).toBe('deteriorated');
    expect(classifyChange('who-5', 14, 18).category).toBe('improved');
  });

  it('records the rule and version', () => {
    expect(classifyChange('phq-9', 15, 9)).toMatchObject({
      instrument: 'phq-9',
      version: '1.1.0',
      reliableChangeValue: 6,
      rule: expect.stringMatching(/Jacobson & Truax 1991.*≥ 6.*NHS Talking Therapies/),
    });
  });

  it('K10 needs a supplied reliable-change value', () => {
    expect(() => classifyChange('k10', 30, 20)).toThrow(/no reliable-change value/);
    expect(classifyChange('k10', 30, 20, { reliableChange: 8 }).category).toBe('recovered');
  });
});
