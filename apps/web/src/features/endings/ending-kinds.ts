import {
  ENDING_KIND_LABELS,
  type EndingKind,
  endingKindsIn,
  type OUTREACH_CHANNELS,
  type Phase,
  type RecordEndingInput,
} from '@throughline/contracts';
import type { ReferralRow } from '../../app/referrals-editor';

/**
 * The "End therapy" form, kind by kind: which parts each kind of ending asks for, and the request
 * built from what was typed. The rules themselves (which kind in which phase, what is required)
 * are the contract's and the server's; this file only lays the form out.
 */

export type EndingPart =
  | 'grounds'
  | 'pretermination'
  | 'referrals'
  | 'outreach'
  | 'closureLetter'
  | 'transfer'
  | 'whose';

export const ENDING_PARTS: Record<EndingKind, readonly EndingPart[]> = {
  planned: [],
  'therapist-initiated': ['grounds', 'pretermination', 'referrals'],
  'client-withdrawal': ['outreach', 'closureLetter', 'referrals'],
  transfer: ['transfer'],
  'death-or-incapacity': ['whose'],
  'not-started': ['referrals'],
};

export const GROUNDS_WORDS = {
  'not-benefiting': 'The client no longer needs or benefits from therapy',
  'being-harmed': 'Continuing is likely to harm the client',
  'therapist-endangered': 'The therapist was threatened or endangered',
} as const;

export const CHANNEL_WORDS: Record<(typeof OUTREACH_CHANNELS)[number], string> = {
  phone: 'Phone call',
  text: 'Text message',
  'e-mail': 'E-mail',
  letter: 'Letter',
  'portal message': 'Portal message',
};

export const WHOSE_WORDS = {
  client: "The client's",
  therapist: "The therapist's",
} as const;

/** The kinds offered in this phase, with the contract's plain words. */
export function kindOptions(phase: Phase): { value: EndingKind; label: string }[] {
  return endingKindsIn(phase).map((value) => ({ value, label: ENDING_KIND_LABELS[value] }));
}

export type OutreachRow = { on: string; channel: string; note: string };

export type EndingFormValues = {
  kind: EndingKind | '';
  reason: string;
  grounds: keyof typeof GROUNDS_WORDS | '';
  preterminationOn: string;
  preterminationSummary: string;
  precludedBecause: string;
  /** Who (a person or a service) and, optionally, why; one row each. */
  referrals: ReferralRow[];
  outreach: OutreachRow[];
  closureLetter: { text: string; howToReturn: string };
  transferTo: string;
  handoverSummary: string;
  of: keyof typeof WHOSE_WORDS | '';
};

export const emptyEnding = (kind: EndingKind | ''): EndingFormValues => ({
  kind,
  reason: '',
  grounds: '',
  preterminationOn: '',
  preterminationSummary: '',
  precludedBecause: '',
  referrals: [{ to: '', reason: '' }],
  outreach: [{ on: '', channel: 'phone', note: '' }],
  closureLetter: { text: '', howToReturn: '' },
  transferTo: '',
  handoverSummary: '',
  of: '',
});

/** The referrals typed, trimmed; a row left wholly empty is dropped, a half-filled one is sent. */
const referralsOf = (rows: readonly ReferralRow[]): { to: string; reason: string }[] =>
  rows
    .map((row) => ({ to: row.to.trim(), reason: row.reason.trim() }))
    .filter((row) => row.to || row.reason);

/**
 * The request for the chosen kind, with only that kind's fields. Empty choices are sent as they
 * are, so the server's message for a missing field comes back and is shown at the field.
 */
export function toEndingRequest(v: EndingFormValues): RecordEndingInput {
  const reason = v.reason;
  switch (v.kind) {
    case 'therapist-initiated':
      return {
        kind: v.kind,
        reason,
        grounds: v.grounds as 'not-benefiting',
        ...(v.preterminationOn ? { preterminationOn: v.preterminationOn } : {}),
        preterminationSummary: v.preterminationSummary,
        referrals: referralsOf(v.referrals),
        precludedBecause: v.precludedBecause,
      };
    case 'client-withdrawal':
      return {
        kind: v.kind,
        reason,
        outreach: v.outreach.map((row) => ({
          on: row.on,
          channel: row.channel as 'phone',
          note: row.note,
        })),
        closureLetter: { ...v.closureLetter, referrals: referralsOf(v.referrals) },
      };
    case 'transfer':
      return { kind: v.kind, reason, transferTo: v.transferTo, handoverSummary: v.handoverSummary };
    case 'death-or-incapacity':
      return { kind: v.kind, reason, of: v.of as 'client' };
    case 'not-started':
      return { kind: v.kind, reason, referrals: referralsOf(v.referrals) };
    default:
      return { kind: 'planned', reason };
  }
}

/**
 * The form field a server message belongs to: "body.closureLetter.text" (or "/body/…/text") →
 * "closureLetter.text";
 * a referral's message goes to its row ("/body/referrals/1/to", or inside the letter,
 * "/body/closureLetter/referrals/1/to" → "referrals.1.to"), one about the list to the list.
 */
export function fieldForErrorPath(path: string): string {
  const field = path.replace(/^\/?(body[/.])?/, '').replace(/\//g, '.');
  return field.replace(/^closureLetter\.referrals(\.|$)/, 'referrals$1');
}
