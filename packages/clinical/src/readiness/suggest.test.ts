import { describe, expect, it } from 'vitest';
import { BELOW_CUTOFF_SESSIONS, suggestReadinessReview } from './suggest';

const goal = (
  latestLevel: number | null,
  status: 'active' | 'achieved' | 'discontinued' = 'active',
) => ({
  latestLevel,
  status,
});

describe('suggestReadinessReview', () => {
  it('suggests when every goal is at its expected level or better', () => {
    const s = suggestReadinessReview({ goals: [goal(0), goal(2)], series: [] });
    expect(s.suggested).toBe(true);
    expect(s.reasons.map((r) => r.kind)).toEqual(['goals-met']);
    expect(s.reasons[0]?.detail).toContain('GAS ≥ 0');
  });

  it('does not suggest while one goal is below expected or never reviewed', () => {
    expect(suggestReadinessReview({ goals: [goal(0), goal(-1)], series: [] }).suggested).toBe(
      false,
    );
    expect(suggestReadinessReview({ goals: [goal(1), goal(null)], series: [] }).suggested).toBe(
      false,
    );
  });

  it('counts achieved goals as met and leaves discontinued ones out', () => {
    const s = suggestReadinessReview({
      goals: [goal(null, 'achieved'), goal(-2, 'discontinued'), goal(0)],
      series: [],
    });
    expect(s.suggested).toBe(true);
    expect(s.reasons[0]).toMatchObject({ kind: 'goals-met', goals: 2 });
  });

  it('does not suggest without goals or scores', () => {
    expect(suggestReadinessReview({ goals: [], series: [] })).toMatchObject({
      suggested: false,
      reasons: [],
    });
    expect(suggestReadinessReview({ goals: [goal(1, 'discontinued')], series: [] }).suggested).toBe(
      false,
    );
  });

  it(`suggests when the last ${BELOW_CUTOFF_SESSIONS} scores are below the cut-off`, () => {
    // PHQ-9 cut-off 10, GAD-7 cut-off 8 (CLINICAL.md §2).
    const s = suggestReadinessReview({
      goals: [goal(-1)],
      series: [
        { instrument: 'phq-9', totals: [16, 12, 9, 8, 8] },
        { instrument: 'gad-7', totals: [14, 7, 6, 6] },
        { instrument: 'session-feedback', totals: [30, 35, 38] },
      ],
    });
    expect(s.suggested).toBe(true);
    expect(s.reasons).toEqual([
      expect.objectContaining({
        kind: 'below-cutoff',
        instruments: ['phq-9', 'gad-7'],
        sessions: 3,
      }),
    ]);
    // Read by people: the questionnaires by the names they know, never their keys.
    expect(s.reasons[0]?.detail).toContain('(PHQ-9, GAD-7)');
  });

  it('does not suggest when one of the last three is at the cut-off', () => {
    const s = suggestReadinessReview({
      goals: [],
      series: [{ instrument: 'phq-9', totals: [16, 10, 9, 8] }],
    });
    expect(s.suggested).toBe(false);
  });

  it('does not suggest with fewer than three scores', () => {
    expect(
      suggestReadinessReview({ goals: [], series: [{ instrument: 'phq-9', totals: [8, 7] }] })
        .suggested,
    ).toBe(false);
  });

  it('does not suggest while another instrument is still above its cut-off', () => {
    const s = suggestReadinessReview({
      goals: [],
      series: [
        { instrument: 'phq-9', totals: [9, 8, 7] },
        { instrument: 'gad-7', totals: [9] },
      ],
    });
    expect(s.suggested).toBe(false);
  });

  it('follows the instrument direction: WHO-5 below 13 raw is the case', () => {
    const well = suggestReadinessReview({
      goals: [],
      series: [{ instrument: 'who-5', totals: [8, 14, 15, 16] }],
    });
    expect(well.suggested).toBe(true);
    const low = suggestReadinessReview({
      goals: [],
      series: [{ instrument: 'who-5', totals: [14, 15, 12] }],
    });
    expect(low.suggested).toBe(false);
  });

  it('uses a practice cut-off where the instrument allows one (PCL-5)', () => {
    const series = [{ instrument: 'pcl-5', totals: [40, 32, 32, 32], cutoff: 31 }];
    expect(suggestReadinessReview({ goals: [], series }).suggested).toBe(false);
    expect(
      suggestReadinessReview({ goals: [], series: [{ ...series[0]!, cutoff: 33 }] }).suggested,
    ).toBe(true);
  });

  it('names both reasons, with the rule and its version', () => {
    const s = suggestReadinessReview({
      goals: [goal(1)],
      series: [{ instrument: 'phq-9', totals: [5, 4, 3] }],
    });
    expect(s.reasons.map((r) => r.kind)).toEqual(['goals-met', 'below-cutoff']);
    expect(s.rule).toMatch(/Readiness/);
    expect(s.version).toBe('1');
  });

  it('refuses impossible totals and levels', () => {
    expect(() =>
      suggestReadinessReview({ goals: [], series: [{ instrument: 'phq-9', totals: [30, 2, 2] }] }),
    ).toThrow(/phq-9/);
    expect(() => suggestReadinessReview({ goals: [goal(3)], series: [] })).toThrow(/−2 to \+2/);
  });
});
