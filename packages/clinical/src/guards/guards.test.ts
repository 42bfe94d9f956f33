import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notOnTrackAlert, reliableDeteriorationAlert } from '../alerts';
import { classifyChange, isCase } from '../change';
import { gasTScore } from '../gas';
import { getInstrument } from '../instruments';
import { episodeOutcome } from '../outcome';
import { ClinicalInputError } from './errors';

const BAD_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, -1, 2.5, '10', null, undefined];

// Issue 7, item 17: impossible inputs are refused with a clear, typed error.
describe('episodeOutcome guards', () => {
  const ok = { attendedTreatmentSessions: 4, first: { depression: 15, anxiety: 12 } };
  it('NaN PHQ-9 with GAD-7 12 → 5 is refused, not "reliable recovery"', () => {
    expect(() =>
      episodeOutcome({
        attendedTreatmentSessions: 4,
        first: { depression: Number.NaN, anxiety: 12 },
        last: { depression: Number.NaN, anxiety: 5 },
      }),
    ).toThrow(ClinicalInputError);
  });
  it.each(BAD_NUMBERS)('refuses a total of %s', (bad) => {
    expect(() =>
      episodeOutcome({ ...ok, last: { depression: bad as number, anxiety: 5 } }),
    ).toThrow(/last\.depression/);
  });
  it('refuses totals outside the instrument range', () => {
    expect(() => episodeOutcome({ ...ok, last: { depression: 28, anxiety: 5 } })).toThrow(/0–27/);
    expect(() => episodeOutcome({ ...ok, last: { depression: 5, anxiety: 22 } })).toThrow(/0–21/);
  });
  it.each([2.5, -1, Number.NaN, '3'])('refuses a session count of %s', (bad) => {
    expect(() =>
      episodeOutcome({ ...ok, attendedTreatmentSessions: bad as number, last: ok.first }),
    ).toThrow(ClinicalInputError);
  });
  it('property: any valid input gives a result; any non-integer total is refused', () => {
    const total = (max: number) => fc.integer({ min: 0, max });
    const pair = fc.record({ depression: total(27), anxiety: total(21) });
    fc.assert(
      fc.property(fc.nat(40), pair, pair, (n, first, last) => {
        const r = episodeOutcome({ attendedTreatmentSessions: n, first, last });
        expect(typeof r.eligible).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(
        fc.double().filter((d) => !Number.isInteger(d)),
        pair,
        (bad, good) => {
          expect(() =>
            episodeOutcome({
              attendedTreatmentSessions: 3,
              first: good,
              last: { ...good, depression: bad },
            }),
          ).toThrow(ClinicalInputError);
        },
      ),
    );
  });
  it('marks an open episode provisional and an ended one final', () => {
    const last = { depression: 5, anxiety: 3 };
    expect(episodeOutcome({ ...ok, last })).toMatchObject({ provisional: true });
    expect(episodeOutcome({ ...ok, last, ended: true })).toMatchObject({ provisional: false });
  });
});

describe('classifyChange guards', () => {
  it.each(BAD_NUMBERS)('refuses a first total of %s', (bad) => {
    expect(() => classifyChange('phq-9', bad as number, 10)).toThrow(ClinicalInputError);
  });
  it('refuses totals the instrument cannot produce', () => {
    expect(() => classifyChange('phq-9', 10, 28)).toThrow(/0–27/);
    expect(() => classifyChange('k10', 9, 20, { reliableChange: 8 })).toThrow(/10–50/);
    expect(() => isCase(getInstrument('gad-7'), Number.NaN)).toThrow(ClinicalInputError);
  });
  it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a reliable-change value of %s',
    (bad) => {
      expect(() => classifyChange('k10', 30, 20, { reliableChange: bad })).toThrow(
        /reliableChange must be a positive number/,
      );
    },
  );
  it('refuses a cut-off the instrument does not allow', () => {
    expect(() => classifyChange('phq-9', 15, 9, { cutoff: 9 })).toThrow(/cut-off must be 10/);
    expect(() => classifyChange('pcl-5', 40, 30, { cutoff: 30 })).toThrow(/31–33/);
    expect(classifyChange('pcl-5', 40, 30, { cutoff: 31 }).caseAtEnd).toBe(false);
  });
  it('the alert rules refuse the same inputs', () => {
    expect(() => reliableDeteriorationAlert('phq-9', Number.NaN, 20)).toThrow(ClinicalInputError);
    expect(() => notOnTrackAlert('phq-9', { session: 4.5, first: 18, current: 17 })).toThrow(
      /session must be a whole number/,
    );
  });
});

// Issue 7, item 19: PCL-5 reliable change is a practice choice within 5–10 (default 10).
describe('PCL-5 reliable change', () => {
  it('defaults to 10 and accepts a practice value within 5–10, naming it in the rule', () => {
    expect(classifyChange('pcl-5', 45, 38).category).toBe('no-reliable-change');
    const seven = classifyChange('pcl-5', 45, 38, { reliableChange: 7 });
    expect(seven).toMatchObject({ category: 'improved', reliableChangeValue: 7 });
    expect(seven.rule).toMatch(/≥ 7 \(practice setting within the National Center for PTSD range/);
  });
  it('refuses values outside 5–10', () => {
    expect(() => classifyChange('pcl-5', 45, 38, { reliableChange: 4 })).toThrow(/5–10/);
    expect(() => classifyChange('pcl-5', 45, 38, { reliableChange: 11 })).toThrow(/5–10/);
  });
  it('alerts use the practice value', () => {
    expect(reliableDeteriorationAlert('pcl-5', 30, 37)).toBeNull();
    expect(reliableDeteriorationAlert('pcl-5', 30, 37, { reliableChange: 7 })).toMatchObject({
      inputs: { reliableChange: 7 },
      source: expect.stringMatching(/practice setting/),
    });
  });
});

describe('GAS T-score guards', () => {
  it.each([0, 1, -0.1, 1.5, Number.NaN, '0.3'])('refuses ρ = %s', (rho) => {
    expect(() => gasTScore([{ level: 1 }], rho as number)).toThrow(/ρ must be between 0 and 1/);
  });
  it('refuses string levels and weights', () => {
    expect(() => gasTScore([{ level: '1' as unknown as number }])).toThrow(ClinicalInputError);
    expect(() => gasTScore([{ level: 1, weight: '2' as unknown as number }])).toThrow(/Goal 1/);
  });
  it('property: any valid goals give a finite T-score', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            level: fc.integer({ min: -2, max: 2 }),
            weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (goals, rho) => {
          expect(Number.isFinite(gasTScore(goals, rho).tScore)).toBe(true);
        },
      ),
    );
  });
});
