import { describe, expect, it } from 'vitest';
import { scoreAnswers } from './score';
import { answersForTotal } from './test-helpers';

function scored(key: string, answers: readonly unknown[], cutoff?: number) {
  const outcome = scoreAnswers(key, answers, cutoff === undefined ? {} : { cutoff });
  if (!outcome.ok) throw new Error(`not scored: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

describe('bands at every boundary (CLINICAL.md §1, inclusive)', () => {
  it.each([
    [
      'phq-9',
      [
        [0, 'minimal'],
        [4, 'minimal'],
        [5, 'mild'],
        [9, 'mild'],
        [10, 'moderate'],
        [14, 'moderate'],
        [15, 'moderately-severe'],
        [19, 'moderately-severe'],
        [20, 'severe'],
        [27, 'severe'],
      ],
    ],
    [
      'gad-7',
      [
        [0, 'minimal'],
        [4, 'minimal'],
        [5, 'mild'],
        [9, 'mild'],
        [10, 'moderate'],
        [14, 'moderate'],
        [15, 'severe'],
        [21, 'severe'],
      ],
    ],
    [
      'phq-4',
      [
        [0, 'none'],
        [2, 'none'],
        [3, 'mild'],
        [5, 'mild'],
        [6, 'moderate'],
        [8, 'moderate'],
        [9, 'severe'],
        [12, 'severe'],
      ],
    ],
    [
      'k10',
      [
        [10, 'low'],
        [15, 'low'],
        [16, 'moderate'],
        [21, 'moderate'],
        [22, 'high'],
        [29, 'high'],
        [30, 'very-high'],
        [50, 'very-high'],
      ],
    ],
    [
      'core-10',
      [
        [0, 'healthy'],
        [5, 'healthy'],
        [6, 'low'],
        [10, 'low'],
        [11, 'mild'],
        [14, 'mild'],
        [15, 'moderate'],
        [19, 'moderate'],
        [20, 'moderately-severe'],
        [24, 'moderately-severe'],
        [25, 'severe'],
        [40, 'severe'],
      ],
    ],
    [
      'pcl-5',
      [
        [0, 'below-cutoff'],
        [32, 'below-cutoff'],
        [33, 'probable-ptsd'],
        [80, 'probable-ptsd'],
      ],
    ],
    [
      'who-5',
      [
        [0, 'likely-depression'],
        [7, 'likely-depression'],
        [8, 'poor-wellbeing'],
        [12, 'poor-wellbeing'],
        [13, 'adequate'],
        [25, 'adequate'],
      ],
    ],
  ] as const)('%s', (key, cases) => {
    for (const [total, band] of cases) {
      const result = scored(key, answersForTotal(key, total));
      expect({ total: result.total, band: result.band }).toEqual({ total, band });
    }
  });
});

describe('PHQ-9', () => {
  it('raises risk-item when item 9 > 0, whatever the total', () => {
    const r = scored('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(r).toMatchObject({ instrument: 'phq-9', version: '1.1.0', total: 1, band: 'minimal' });
    expect(r.flags).toEqual(['risk-item']);
    expect(r.rule).toMatch(/Kroenke, Spitzer & Williams 2001/);
  });
  it('raises no flag when item 9 is 0, even at the maximum elsewhere', () => {
    expect(scored('phq-9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).flags).toEqual([]);
  });
});

describe('PHQ-4 subscales and flags', () => {
  it('reports GAD-2 and PHQ-2', () => {
    expect(scored('phq-4', [1, 2, 0, 3]).subscales).toEqual({ 'gad-2': 3, 'phq-2': 3 });
  });
  it.each([
    [[1, 1, 1, 1], []],
    [[2, 1, 1, 1], ['anxiety-positive']],
    [[1, 1, 2, 1], ['depression-positive']],
    [
      [3, 0, 0, 3],
      ['anxiety-positive', 'depression-positive'],
    ],
  ])('%j → %j', (answers, flags) => {
    expect(scored('phq-4', answers).flags).toEqual(flags);
  });
});

describe('WHO-5', () => {
  it('adds percentage = raw × 4 and bands on it first', () => {
    const r = scored('who-5', [2, 2, 1, 1, 1]);
    expect(r).toMatchObject({ total: 7, percentage: 28, band: 'likely-depression' });
    expect(scored('who-5', [5, 5, 5, 5, 5]).percentage).toBe(100);
  });
  it('has no percentage on other instruments', () => {
    expect(scored('phq-9', Array(9).fill(0))).not.toHaveProperty('percentage');
  });
});

describe('CORE-10', () => {
  it('reverse-scores items 2 and 3', () => {
    // All "Not at all": items 2 and 3 score 4 each.
    expect(scored('core-10', Array(10).fill(0)).total).toBe(8);
    expect(scored('core-10', [0, 4, 4, 0, 0, 0, 0, 0, 0, 0]).total).toBe(0);
    expect(scored('core-10', Array(10).fill(4)).total).toBe(32);
  });
  it('raises risk-item when item 6 > 0', () => {
    expect(scored('core-10', [0, 4, 4, 0, 0, 1, 0, 0, 0, 0]).flags).toEqual(['risk-item']);
    expect(scored('core-10', [4, 0, 0, 4, 4, 0, 4, 4, 4, 4]).flags).toEqual([]);
  });
});

describe('PCL-5', () => {
  it('reports clusters B, C, D, E', () => {
    const answers = [1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4];
    expect(scored('pcl-5', answers).subscales).toEqual({ B: 5, C: 4, D: 21, E: 24 });
  });
  it('uses a configurable cut-off 31–33 (default 33)', () => {
    const at31 = answersForTotal('pcl-5', 31);
    expect(scored('pcl-5', at31).band).toBe('below-cutoff');
    expect(scored('pcl-5', at31).cutoff).toBe(33);
    expect(scored('pcl-5', at31, 31)).toMatchObject({ band: 'probable-ptsd', cutoff: 31 });
    expect(scored('pcl-5', answersForTotal('pcl-5', 30), 31).band).toBe('below-cutoff');
  });
  it('refuses a cut-off outside 31–33, and any cut-off for a fixed one', () => {
    expect(scoreAnswers('pcl-5', Array(20).fill(0), { cutoff: 30 })).toMatchObject({
      ok: false,
      reason: 'invalid-options',
      message: 'The cut-off must be 31–33.',
    });
    expect(scoreAnswers('phq-9', Array(9).fill(0), { cutoff: 9 })).toMatchObject({
      ok: false,
      reason: 'invalid-options',
    });
  });
  const base = Array(20).fill(0) as number[];
  const endorse = (items: number[]): number[] =>
    base.map((_, i) => (items.includes(i + 1) ? 2 : 0));
  it('raises dsm5-criteria-met with ≥1 B, ≥1 C, ≥2 D, ≥2 E items rated ≥ 2', () => {
    expect(scored('pcl-5', endorse([1, 6, 8, 9, 15, 16])).flags).toEqual(['dsm5-criteria-met']);
  });
  it.each([
    ['no B', [6, 8, 9, 15, 16]],
    ['no C', [1, 8, 9, 15, 16]],
    ['one D', [1, 6, 8, 15, 16]],
    ['one E', [1, 6, 8, 9, 15]],
  ])('does not raise it with %s', (_, items) => {
    expect(scored('pcl-5', endorse(items)).flags).toEqual([]);
  });
  it('does not count items rated 1', () => {
    const ones = base.map(() => 1);
    expect(scored('pcl-5', ones).flags).toEqual([]);
  });
});

describe('session feedback', () => {
  it('totals 0–40 with no band', () => {
    expect(scored('session-feedback', [10, 9, 8, 7])).toMatchObject({ total: 34, band: null });
  });
});

describe('scoreAnswers outcomes', () => {
  it('reports an unknown instrument', () => {
    expect(scoreAnswers('oq-45', [])).toEqual({
      ok: false,
      reason: 'unknown-instrument',
      issues: [],
    });
  });
  it('reports invalid answers naming the item', () => {
    expect(scoreAnswers('gad-7', [0, 0, 0, 0, 0, 0, 7])).toEqual({
      ok: false,
      reason: 'invalid-answers',
      issues: [{ item: 7, message: 'must be 0–3' }],
      flags: [],
      risks: [],
    });
  });
});
