import type { Readiness, ReadinessMeasure, Wire } from '@throughline/contracts';
import { describe, expect, it } from 'vitest';
import {
  allianceText,
  disagreementText,
  firstName,
  goalLevelText,
  levelText,
  measureText,
  outcomeText,
} from './readiness-words';

const base = {
  viewer: 'client',
  clientName: 'Sam Rivera',
  therapistName: 'Maya Okafor, MT-BC',
  disagreement: null,
} as unknown as Wire<Readiness>;

const RAW_CODES =
  /recovered\b(?! \()|no-reliable-change|not-on-track|phq-9|gad-7|\d{4}-\d{2}-\d{2}T/;

describe('readiness words', () => {
  it('names a difference plainly from the reader’s side, even a small one', () => {
    expect(disagreementText(base)).toBeNull();
    expect(disagreementText({ ...base, disagreement: { differs: true, by: 1 } })).toBe(
      'You and Maya see this a little differently: your answers are 1 point apart on the scale.',
    );
    expect(
      disagreementText({ ...base, viewer: 'therapist', disagreement: { differs: true, by: 3 } }),
    ).toMatch(/^You and Sam see this differently: your answers are 3 points apart/);
    expect(disagreementText({ ...base, disagreement: { differs: false, by: 0 } })).toBe(
      'You and Maya see this the same way.',
    );
    expect(firstName('Maya Okafor, MT-BC')).toBe('Maya');
  });

  it('says the scale in the reader’s words', () => {
    expect(levelText(3, 'client')).toBe('Not sure (3 of 5)');
    expect(levelText(5, 'therapist')).toBe('Ready to end (5 of 5)');
  });

  it('says a measure against its cut-off and reliable change without codes', () => {
    const m = {
      instrument: 'phq-9',
      title: 'PHQ-9',
      first: 16,
      recent: 8,
      count: 11,
      cutoff: { value: 10, case: 'at-least' },
      caseAtStart: true,
      caseNow: false,
      category: 'recovered',
      reliableChange: 6,
    } as Wire<ReadinessMeasure>;
    const text = measureText(m);
    expect(text).toContain(
      'PHQ-9: 16 → 8, out of the clinical range now (it was in it at the start)',
    );
    expect(text).toContain('a reliable change is 6 points');
    expect(text.replace('PHQ-9', '')).not.toMatch(RAW_CODES);
    const one = measureText({ ...m, count: 1, category: null, caseAtStart: true, caseNow: true });
    expect(one).toContain('8 (one score so far), in the clinical range now');
  });

  it('says goals, outcome and alliance in words', () => {
    expect(goalLevelText(null)).toBe('Not reviewed yet');
    expect(goalLevelText(1)).toBe('Somewhat more than expected (+1)');
    expect(
      outcomeText({
        eligible: true,
        provisional: true,
        reason: null,
        recovered: true,
        reliableImprovement: true,
        reliableDeterioration: false,
        reliableRecovery: true,
        rule: 'x',
      }),
    ).toBe('Recovered, reliably improved (provisional while therapy continues).');
    expect(allianceText({ answered: 4, latest: 38, mean: 36.5, max: 40, dropOpen: true })).toBe(
      'Latest 38 of 40, average 36.5 over 4 sessions. An alliance-drop alert is open.',
    );
  });
});
