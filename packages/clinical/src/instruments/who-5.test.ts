import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../scoring';
import { WHO_5 } from './who-5';

const flags = (answers: number[]): string[] => {
  const o = scoreAnswers('who-5', answers);
  if (!o.ok) throw new Error('not scored');
  return o.result.flags;
};

// Issue 7, item 16: WHO guidance — assess for depression when raw < 13 or any item is 0 or 1.
describe('WHO-5 follow-up flag', () => {
  it('raw below 13 → follow-up', () => {
    expect(flags([3, 3, 2, 2, 2])).toEqual(['follow-up']);
  });
  it('raw 13 or more but one item answered 1 → follow-up', () => {
    expect(flags([5, 5, 5, 5, 1])).toEqual(['follow-up']);
    expect(flags([5, 5, 5, 5, 0])).toEqual(['follow-up']);
  });
  it('raw 13 or more and every item 2 or more → no flag', () => {
    expect(flags([3, 3, 3, 2, 2])).toEqual([]);
    expect(flags([5, 5, 5, 5, 5])).toEqual([]);
  });
  it('cites its source in the definition, and the definition version changed', () => {
    expect(WHO_5.version).toBe('1.1.0');
    expect(WHO_5.flags).toEqual([
      expect.objectContaining({
        key: 'follow-up',
        source: expect.stringMatching(/below 13 or any item answered 0 or 1.*depression/),
      }),
    ]);
  });
});
