import { describe, expect, it } from 'vitest';
import { detectExcludedContent } from './excluded-content';

const kinds = (text: string): string[] => detectExcludedContent(text).map((w) => w.kind);

describe('excluded-content detector (HIPAA 164.501)', () => {
  it('finds medication names, doses and prescribing', () => {
    expect(kinds('She takes sertraline 50 mg daily.')).toEqual(['medication', 'medication']);
    expect(kinds('Dr Lee prescribed something new.')).toEqual(['medication']);
    expect(kinds('Started Zoloft last week')).toEqual(['medication']);
  });

  it('finds test results and scores', () => {
    expect(kinds('PHQ-9 of 14 this week')).toEqual(['test-results']);
    expect(kinds('He scored high on the GAD-7')).toEqual(['test-results', 'test-results']);
  });

  it('finds session start and stop times', () => {
    expect(kinds('We met 10:00–10:50 in the studio.')).toEqual(['session-times']);
    expect(kinds('Session started at 3pm, a little late.')).toEqual(['session-times']);
    expect(kinds('from 9.15 to 10.05')).toEqual(['session-times']);
  });

  it('finds summaries of diagnosis, plan and prognosis', () => {
    expect(kinds('Diagnosis unchanged; treatment plan reviewed; prognosis fair.')).toEqual([
      'diagnosis-or-plan-summary',
      'diagnosis-or-plan-summary',
      'diagnosis-or-plan-summary',
    ]);
  });

  it('gives an excerpt around the finding and stays quiet on process content', () => {
    const [warning] = detectExcludedContent(
      'A long reflection on the transference that came up when she mentioned lorazepam again today.',
    );
    expect(warning?.excerpt).toContain('lorazepam');
    expect(warning?.excerpt.startsWith('…')).toBe(true);
    expect(
      detectExcludedContent(
        'I noticed my own impatience when the improvisation stalled; the drum felt like a wall between us. Audit my reactions next time.',
      ),
    ).toEqual([]);
  });
});
