import { describe, expect, it } from 'vitest';
import { episodeOutcome } from './episode-outcome';

const pair = (depression: number, anxiety: number) => ({ depression, anxiety });
const outcome = (first: [number, number], last: [number, number], sessions = 6) =>
  episodeOutcome({
    attendedTreatmentSessions: sessions,
    first: pair(...first),
    last: pair(...last),
  });

describe('episode outcome (NHS Talking Therapies, CLINICAL.md §3)', () => {
  describe('eligibility', () => {
    it.each([0, 1])('%i attended sessions → not-eligible with reason', (n) => {
      expect(outcome([20, 15], [5, 3], n)).toMatchObject({
        eligible: false,
        status: 'not-eligible',
        reason: expect.stringMatching(/Fewer than two attended treatment sessions/),
      });
    });
    it('exactly two sessions is eligible', () => {
      expect(outcome([20, 15], [5, 3], 2).eligible).toBe(true);
    });
    it('no paired scores → not-eligible', () => {
      expect(
        episodeOutcome({ attendedTreatmentSessions: 5, first: null, last: pair(1, 1) }),
      ).toMatchObject({ eligible: false, reason: expect.stringMatching(/No paired scores/) });
    });
  });

  describe('caseness at exact thresholds (PHQ-9 ≥ 10 or GAD-7 ≥ 8)', () => {
    it.each([
      [[10, 0], true],
      [[9, 7], false],
      [[0, 8], true],
      [[9, 8], true],
    ] as const)('%j → %s', (scores, expected) => {
      expect(outcome([...scores], [...scores])).toMatchObject({
        caseness: { start: expected, end: expected },
      });
    });
  });

  describe('recovery', () => {
    it('case at start, not at end → recovered', () => {
      expect(outcome([10, 8], [9, 7])).toMatchObject({ recovered: true });
    });
    it('case at start and at end → not recovered', () => {
      expect(outcome([15, 12], [10, 5])).toMatchObject({ recovered: false });
    });
    it('not a case at start → recovered and reliable recovery are null (excluded)', () => {
      expect(outcome([9, 7], [2, 1])).toMatchObject({
        caseness: { start: false, end: false },
        recovered: null,
        reliableRecovery: null,
        reliableImprovement: true,
      });
    });
  });

  describe('reliable improvement (PHQ-9 fell ≥ 6 or GAD-7 fell ≥ 4, neither rose reliably)', () => {
    it.each([
      ['PHQ-9 fell exactly 6', [16, 5], [10, 5], true],
      ['PHQ-9 fell 5', [16, 5], [11, 5], false],
      ['GAD-7 fell exactly 4', [5, 12], [5, 8], true],
      ['GAD-7 fell 3', [5, 12], [5, 9], false],
      ['PHQ-9 fell 6 but GAD-7 rose 4', [16, 4], [10, 8], false],
      ['PHQ-9 fell 6 and GAD-7 rose 3', [16, 4], [10, 7], true],
    ] as const)('%s → %s', (_, first, last, expected) => {
      expect(outcome([...first], [...last])).toMatchObject({ reliableImprovement: expected });
    });
  });

  describe('reliable deterioration (rose ≥ 6 / ≥ 4, neither reliably improved)', () => {
    it.each([
      ['PHQ-9 rose exactly 6', [5, 5], [11, 5], true],
      ['PHQ-9 rose 5', [5, 5], [10, 5], false],
      ['GAD-7 rose exactly 4', [5, 5], [5, 9], true],
      ['GAD-7 rose 4 but PHQ-9 fell 6', [16, 4], [10, 8], false],
    ] as const)('%s → %s', (_, first, last, expected) => {
      expect(outcome([...first], [...last])).toMatchObject({ reliableDeterioration: expected });
    });
    it('configurable: any reliable rise counts', () => {
      const r = episodeOutcome(
        { attendedTreatmentSessions: 4, first: pair(16, 4), last: pair(10, 8) },
        { deterioration: 'any-rise' },
      );
      expect(r).toMatchObject({ reliableDeterioration: true, reliableImprovement: false });
    });
  });

  describe('reliable recovery = recovered and reliably improved', () => {
    it('recovered with reliable improvement → true', () => {
      expect(outcome([16, 10], [9, 7])).toMatchObject({ recovered: true, reliableRecovery: true });
    });
    it('recovered without reliable improvement → false', () => {
      expect(outcome([10, 8], [9, 7])).toMatchObject({ recovered: true, reliableRecovery: false });
    });
  });

  it('records rule and version; the pairing is configurable', () => {
    const r = episodeOutcome(
      { attendedTreatmentSessions: 3, first: pair(16, 20), last: pair(9, 10) },
      { pairing: { depression: 'phq-9', anxiety: 'core-10' } },
    );
    expect(r).toMatchObject({
      eligible: true,
      recovered: true,
      reliableRecovery: true,
      rule: expect.stringMatching(/NHS Talking Therapies/),
      version: '1',
    });
  });
});
