import { describe, expect, it } from 'vitest';
import { readDetails, summarize } from './views';

describe('readDetails: endings recorded in an older shape still read', () => {
  it('turns bare names and reason-less referrals into { to, reason }', () => {
    const old = readDetails({
      v: 1,
      kind: 'not-started',
      referrals: ['Community clinic', { to: 'Peer group' }],
    });
    expect(old).toMatchObject({
      referrals: [
        { to: 'Community clinic', reason: '' },
        { to: 'Peer group', reason: '' },
      ],
    });
    expect(summarize(old, null)).toBe(
      'Closed at intake without therapy; referred to Community clinic, Peer group.',
    );
  });

  it('reads the referrals inside a closure letter, and keeps the ones with reasons', () => {
    const details = readDetails({
      v: 1,
      kind: 'client-withdrawal',
      outreach: [{ on: '2026-01-05', channel: 'phone', note: '' }],
      closureLetter: {
        text: 'Dear Sam',
        howToReturn: 'Write to the practice.',
        referrals: ['Walk-in centre', { to: 'Helpline', reason: 'Open at night' }],
      },
    });
    expect(details).toMatchObject({
      closureLetter: {
        referrals: [
          { to: 'Walk-in centre', reason: '' },
          { to: 'Helpline', reason: 'Open at night' },
        ],
      },
    });
  });

  it('names each referral with its reason in the summary', () => {
    const details = readDetails({
      v: 1,
      kind: 'therapist-initiated',
      grounds: 'not-benefiting',
      preterminationOn: '2026-01-05',
      preterminationSummary: '',
      precludedBecause: '',
      referrals: [{ to: 'Community psychology team', reason: 'longer-term CBT' }, { to: 'GP' }],
    });
    expect(summarize(details, null)).toBe(
      'Ended by the therapist. Pretermination contact on 2026-01-05; referred to Community psychology team (longer-term CBT), GP.',
    );
  });

  it('leaves an erased ending as it is', () => {
    expect(readDetails({ v: 1, kind: 'transfer', erased: true })).toEqual({
      v: 1,
      kind: 'transfer',
      erased: true,
    });
  });
});
