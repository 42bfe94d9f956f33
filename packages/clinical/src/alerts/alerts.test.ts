import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../scoring';
import { allianceDropAlert } from './alliance-drop';
import { notOnTrackAlert, reliableDeteriorationAlert } from './change-rules';
import { riskItemAlert } from './risk-item';

function result(key: string, answers: number[]) {
  const o = scoreAnswers(key, answers);
  if (!o.ok) throw new Error('not scored');
  return o.result;
}

describe('risk item alert', () => {
  it('fires for PHQ-9 item 9 > 0 with rule, version, inputs and source', () => {
    expect(riskItemAlert(result('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 2]))).toMatchObject({
      rule: 'risk-item',
      version: '1',
      inputs: { instrument: 'phq-9', item: 9, answer: 2 },
      source: expect.stringMatching(/item 9 > 0/),
    });
  });
  it('fires for CORE-10 item 6 > 0', () => {
    expect(riskItemAlert(result('core-10', [0, 4, 4, 0, 0, 1, 0, 0, 0, 0]))).toMatchObject({
      inputs: { instrument: 'core-10', item: 6, answer: 1 },
    });
  });
  it('does not fire otherwise', () => {
    expect(riskItemAlert(result('phq-9', [3, 3, 3, 3, 3, 3, 3, 3, 0]))).toBeNull();
    expect(riskItemAlert(result('gad-7', [3, 3, 3, 3, 3, 3, 3]))).toBeNull();
  });
});

describe('reliable deterioration alert (from the first score)', () => {
  it('fires at exactly the reliable-change value', () => {
    expect(reliableDeteriorationAlert('phq-9', 8, 14)).toMatchObject({
      rule: 'reliable-deterioration',
      inputs: { first: 8, current: 14, change: 6, reliableChange: 6 },
    });
    expect(reliableDeteriorationAlert('phq-9', 8, 13)).toBeNull();
  });
  it('follows WHO-5 direction (a fall is worse)', () => {
    expect(reliableDeteriorationAlert('who-5', 20, 17)).not.toBeNull();
    expect(reliableDeteriorationAlert('who-5', 17, 20)).toBeNull();
  });
});

describe('not on track', () => {
  it('never before session 4', () => {
    expect(notOnTrackAlert('phq-9', { session: 3, first: 18, current: 18 })).toBeNull();
  });
  it('session 4: no reliable improvement and still a case → fires', () => {
    expect(notOnTrackAlert('phq-9', { session: 4, first: 18, current: 13 })).toMatchObject({
      rule: 'not-on-track-session-4',
      inputs: { improvement: 5, reliableChange: 6 },
    });
  });
  it('session 4: reliable improvement → quiet', () => {
    expect(notOnTrackAlert('phq-9', { session: 4, first: 18, current: 12 })).toBeNull();
  });
  it('session 4: below the cut-off → quiet', () => {
    expect(notOnTrackAlert('phq-9', { session: 5, first: 12, current: 9 })).toBeNull();
  });
  it('session 8: still a case and improvement under half the value → session-8 rule', () => {
    expect(notOnTrackAlert('phq-9', { session: 8, first: 18, current: 16 })).toMatchObject({
      rule: 'not-on-track-session-8',
    });
  });
  it('session 8: improvement of exactly half the value → falls back to the session-4 rule', () => {
    expect(notOnTrackAlert('phq-9', { session: 8, first: 18, current: 15 })).toMatchObject({
      rule: 'not-on-track-session-4',
    });
  });
  it('WHO-5: higher is better; case is raw < 13', () => {
    expect(notOnTrackAlert('who-5', { session: 4, first: 8, current: 10 })).toMatchObject({
      rule: 'not-on-track-session-4',
      inputs: { improvement: 8 },
    });
    expect(notOnTrackAlert('who-5', { session: 4, first: 8, current: 13 })).toBeNull();
  });
  it('instruments without a cut-off or value never fire', () => {
    expect(notOnTrackAlert('phq-4', { session: 9, first: 10, current: 10 })).toBeNull();
  });
});

describe('alliance drop', () => {
  it('fires at exactly 20% below the running mean', () => {
    expect(allianceDropAlert(32, [40, 40])).toMatchObject({
      rule: 'alliance-drop',
      inputs: { runningMean: 40, reason: 'below-running-mean' },
    });
    expect(allianceDropAlert(33, [40, 40])).toBeNull();
  });
  it('fires below 30/40 even without history', () => {
    expect(allianceDropAlert(29, [])).toMatchObject({ inputs: { reason: 'below-floor' } });
    expect(allianceDropAlert(30, [])).toBeNull();
  });
});
