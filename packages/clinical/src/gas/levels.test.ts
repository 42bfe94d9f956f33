import { describe, expect, it } from 'vitest';
import { gasLevelLabel } from './levels';

describe('gasLevelLabel', () => {
  it('puts the words first and the level after, with a real minus sign', () => {
    expect(gasLevelLabel(0)).toBe('As expected (0)');
    expect(gasLevelLabel(-2)).toBe('Much less than expected (−2)');
    expect(gasLevelLabel(1)).toBe('Somewhat more than expected (+1)');
  });
});
