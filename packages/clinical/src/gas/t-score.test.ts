import { describe, expect, it } from 'vitest';
import { gasTScore } from './t-score';

describe('GAS T-score (Kiresuk & Sherman, ρ = 0.3)', () => {
  it('is 50 when every goal is at the expected level', () => {
    expect(gasTScore([{ level: 0 }, { level: 0 }, { level: 0 }]).tScore).toBe(50);
  });
  it('one goal at +1 → 60; at −2 → 30', () => {
    expect(gasTScore([{ level: 1 }]).tScore).toBeCloseTo(60, 10);
    expect(gasTScore([{ level: -2 }]).tScore).toBeCloseTo(30, 10);
  });
  it('three unweighted goals follow the formula', () => {
    // Σx = 2, Σw² = 3, (Σw)² = 9 → 50 + 20 / √(2.1 + 2.7).
    expect(gasTScore([{ level: 1 }, { level: 2 }, { level: -1 }]).tScore).toBeCloseTo(
      50 + 20 / Math.sqrt(4.8),
      10,
    );
  });
  it('uses weights when given', () => {
    // Σwx = 2·1 + 1·(−1) = 1; Σw² = 5; (Σw)² = 9 → 50 + 10 / √(3.5 + 2.7).
    const r = gasTScore([
      { level: 1, weight: 2 },
      { level: -1, weight: 1 },
    ]);
    expect(r.tScore).toBeCloseTo(50 + 10 / Math.sqrt(6.2), 10);
    expect(r).toMatchObject({ version: '1', goals: 2, rule: expect.stringMatching(/Kiresuk/) });
  });
  it('refuses no goals, levels outside −2…+2 and non-positive weights', () => {
    expect(() => gasTScore([])).toThrow(RangeError);
    expect(() => gasTScore([{ level: 3 }])).toThrow(/Goal 1/);
    expect(() => gasTScore([{ level: 0.5 }])).toThrow(/Goal 1/);
    expect(() => gasTScore([{ level: 1 }, { level: 0, weight: 0 }])).toThrow(/Goal 2/);
  });
});
