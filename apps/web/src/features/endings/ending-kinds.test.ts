import {
  bareMovePhases,
  ENDING_KIND_LABELS,
  ENDING_KINDS,
  OUTREACH_CHANNELS,
  recordEndingRequest,
} from '@throughline/contracts';
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_WORDS,
  ENDING_PARTS,
  type EndingFormValues,
  emptyEnding,
  fieldForErrorPath,
  kindOptions,
  toEndingRequest,
} from './ending-kinds';

const filled = (kind: EndingFormValues['kind']): EndingFormValues => ({
  ...emptyEnding(kind),
  reason: 'Why it ended',
  grounds: 'not-benefiting',
  preterminationOn: '2026-11-02',
  preterminationSummary: 'We talked about ending.',
  referrals: [
    { to: 'Community clinic', reason: '  For longer-term support ' },
    { to: '', reason: '' },
    { to: '  Peer group  ', reason: '' },
  ],
  outreach: [{ on: '2026-11-01', channel: 'portal message', note: '' }],
  closureLetter: { text: 'Dear Sam, …', howToReturn: 'Write to the practice.' },
  transferTo: 'Dr. Okafor',
  handoverSummary: 'Where we are.',
  of: 'client',
});

describe('End therapy: kinds offered per phase', () => {
  it('offers planned only from ending and not-started only from intake, in plain words', () => {
    expect(kindOptions('intake').map((o) => o.value)).toEqual([
      'therapist-initiated',
      'client-withdrawal',
      'transfer',
      'death-or-incapacity',
      'not-started',
    ]);
    expect(kindOptions('active').map((o) => o.value)).not.toContain('planned');
    expect(kindOptions('active').map((o) => o.value)).not.toContain('not-started');
    expect(kindOptions('ending').map((o) => o.value)).toContain('planned');
    expect(kindOptions('aftercare')).toEqual([]);
    expect(kindOptions('closed')).toEqual([]);
    for (const option of kindOptions('ending')) {
      expect(option.label).toBe(ENDING_KIND_LABELS[option.value]);
      expect(option.label).not.toMatch(/-/);
    }
  });

  it('leaves aftercare and closed out of the bare phase move, except closing aftercare', () => {
    expect(bareMovePhases('intake')).toEqual(['active']);
    expect(bareMovePhases('active')).toEqual(['ending']);
    expect(bareMovePhases('ending')).toEqual(['active']);
    expect(bareMovePhases('aftercare')).toEqual(['closed']);
    expect(bareMovePhases('closed')).toEqual([]);
  });
});

describe('End therapy: each kind builds the request its contract accepts', () => {
  it.each(ENDING_KINDS)('%s', (kind) => {
    const request = toEndingRequest(filled(kind));
    const parsed = recordEndingRequest.safeParse(request);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(request.kind).toBe(kind);
  });

  it('sends only the chosen kind’s fields', () => {
    expect(Object.keys(toEndingRequest(filled('transfer'))).sort()).toEqual([
      'handoverSummary',
      'kind',
      'reason',
      'transferTo',
    ]);
    expect(toEndingRequest(filled('planned'))).toEqual({ kind: 'planned', reason: 'Why it ended' });
  });

  it('sends each referral with its reason, drops empty rows, inside the letter for a withdrawal', () => {
    const sent = [
      { to: 'Community clinic', reason: 'For longer-term support' },
      { to: 'Peer group', reason: '' },
    ];
    expect(toEndingRequest(filled('client-withdrawal'))).toMatchObject({
      closureLetter: { referrals: sent },
    });
    expect(toEndingRequest(filled('not-started'))).toMatchObject({ referrals: sent });
    expect(toEndingRequest(filled('therapist-initiated'))).toMatchObject({ referrals: sent });
  });

  it('sends a reason without a name, so the server asks for the name at that row', () => {
    const request = toEndingRequest({
      ...filled('not-started'),
      referrals: [{ to: ' ', reason: 'Evening groups' }],
    });
    const parsed = recordEndingRequest.safeParse(request);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(fieldForErrorPath(`/body/${issue?.path.join('/')}`)).toBe('referrals.0.to');
    expect(issue?.message).toBe('Name who the referral is to.');
  });

  it('leaves out an empty pretermination date so the server can ask for it or the reason', () => {
    const request = toEndingRequest({ ...filled('therapist-initiated'), preterminationOn: '' });
    expect(request).not.toHaveProperty('preterminationOn');
  });

  it('asks for what a kind needs (the contract refuses it empty)', () => {
    const empty = recordEndingRequest.safeParse(toEndingRequest(emptyEnding('client-withdrawal')));
    expect(empty.success).toBe(false);
    const paths = empty.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('closureLetter.text');
    expect(paths.map(fieldForErrorPath)).toContain('closureLetter.text');
  });
});

describe('End therapy: the form parts and the server’s messages', () => {
  it('asks each kind for its own parts', () => {
    expect(ENDING_PARTS.planned).toEqual([]);
    expect(ENDING_PARTS['client-withdrawal']).toEqual(
      expect.arrayContaining(['outreach', 'closureLetter']),
    );
    expect(ENDING_PARTS['therapist-initiated']).toEqual(
      expect.arrayContaining(['grounds', 'pretermination', 'referrals']),
    );
    expect(ENDING_PARTS.transfer).toEqual(['transfer']);
    expect(ENDING_PARTS['death-or-incapacity']).toEqual(['whose']);
  });

  it('puts a server message at its field', () => {
    expect(fieldForErrorPath('/body/closureLetter/text')).toBe('closureLetter.text');
    expect(fieldForErrorPath('body/outreach/0/on')).toBe('outreach.0.on');
    expect(fieldForErrorPath('/body/referrals/1/to')).toBe('referrals.1.to');
    expect(fieldForErrorPath('/body/closureLetter/referrals/0/reason')).toBe('referrals.0.reason');
    expect(fieldForErrorPath('referrals')).toBe('referrals');
    // The route's own validation names the body's path with dots.
    expect(fieldForErrorPath('body.closureLetter.referrals.0.to')).toBe('referrals.0.to');
    expect(fieldForErrorPath('body.reason')).toBe('reason');
    expect(fieldForErrorPath('/body/reason')).toBe('reason');
  });

  it('names every outreach channel in words', () => {
    for (const channel of OUTREACH_CHANNELS) expect(CHANNEL_WORDS[channel]).toMatch(/^[A-Z]/);
  });
});
