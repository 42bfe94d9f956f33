import { describe, expect, it } from 'vitest';
import { riskItemAlertFromAnswers } from '../alerts';
import { riskItemsOf } from './risk';
import { scoreAnswers } from './score';

// Issue 7, item 15: a risk item answered above zero is never lost to validation (CLINICAL.md §1).
describe('risk items on incomplete or invalid forms', () => {
  it('PHQ-9 [1,1,1,null,1,1,1,1,3]: refused, but the refusal names the risk flag', () => {
    const outcome = scoreAnswers('phq-9', [1, 1, 1, null, 1, 1, 1, 1, 3]);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'invalid-answers',
      issues: [{ item: 4, message: 'is missing (must be 0–3)' }],
      flags: ['risk-item'],
      risks: [{ flag: 'risk-item', item: 9, answer: 3 }],
    });
  });

  it('CORE-10 item 6 on a short form', () => {
    expect(scoreAnswers('core-10', [0, 4, 4, 0, 0, 2])).toMatchObject({
      ok: false,
      flags: ['risk-item'],
    });
  });

  it('counts an out-of-range answer on the risk item itself (safe reading)', () => {
    expect(riskItemsOf('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 7])).toEqual([
      { flag: 'risk-item', item: 9, answer: 7 },
    ]);
  });

  it('raises nothing for a risk item at 0, empty, or not a number', () => {
    expect(riskItemsOf('phq-9', [null, null, null, null, null, null, null, null, 0])).toEqual([]);
    expect(riskItemsOf('phq-9', [3, 3, 3])).toEqual([]);
    expect(riskItemsOf('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, '3'])).toEqual([]);
    expect(riskItemsOf('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, Number.NaN])).toEqual([]);
    expect(riskItemsOf('gad-7', [3, 3, 3, 3, 3, 3, 3])).toEqual([]);
    expect(riskItemsOf('oq-45', [3])).toEqual([]);
  });

  it('builds the urgent alert from raw answers, marking the form incomplete', () => {
    expect(
      riskItemAlertFromAnswers('phq-9', [1, 1, 1, null, 1, 1, 1, 1, 3], 'incomplete'),
    ).toMatchObject({
      rule: 'risk-item',
      inputs: { instrument: 'phq-9', item: 9, answer: 3, form: 'incomplete' },
      source: expect.stringMatching(/item 9 > 0/),
    });
    expect(riskItemAlertFromAnswers('phq-9', Array(9).fill(null), 'incomplete')).toBeNull();
  });
});
