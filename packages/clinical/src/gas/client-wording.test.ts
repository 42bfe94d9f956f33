import { describe, expect, it } from 'vitest';
import { GAS_CLIENT_SCALE, gasClientWords } from './client-wording';

describe('gasClientWords', () => {
  it('words every level −2…+2, 0 being what was expected', () => {
    expect(gasClientWords(-2)).toBe('Much less than expected');
    expect(gasClientWords(-1)).toBe('Somewhat less than expected');
    expect(gasClientWords(0)).toBe('What we expected');
    expect(gasClientWords(1)).toBe('Somewhat more than expected');
    expect(gasClientWords(2)).toBe('Much more than expected');
  });

  it('has one wording per level and never shows a number', () => {
    expect(Object.keys(GAS_CLIENT_SCALE).sort()).toEqual(['+1', '+2', '-1', '-2', '0']);
    for (const words of Object.values(GAS_CLIENT_SCALE)) expect(words).not.toMatch(/\d/);
  });

  it('is null for anything that is not a level', () => {
    for (const n of [3, -3, 0.5, Number.NaN]) expect(gasClientWords(n)).toBeNull();
  });
});
