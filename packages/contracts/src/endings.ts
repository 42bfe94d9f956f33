import { z } from 'zod';
import { calendarDate, ENDING_KINDS, type EndingKind, referralSchema } from './ending-plan';
import { nextPhases, type Phase } from './phases';

/**
 * How an episode ended (issue 11): every ending is recorded with its kind and reason, never a
 * silent flip (ETHICS.md; APA 10.10, ACA A.11, AMTA Termination of Services). A planned ending
 * moves the episode to aftercare; every other kind closes it.
 */

const text = (max: number, what: string) =>
  z.string().trim().min(1, `Write ${what}.`).max(max, `At most ${max} characters.`);

const reason = text(2000, 'the reason for the ending');
const referrals = z.array(referralSchema).max(10, 'At most 10 referrals.');

/** How the therapist tried to reach a client who withdrew or stopped replying. */
export const OUTREACH_CHANNELS = ['phone', 'text', 'e-mail', 'letter', 'portal message'] as const;
export const outreachAttemptSchema = z.strictObject({
  on: calendarDate.describe('When (YYYY-MM-DD)'),
  channel: z.enum(OUTREACH_CHANNELS),
  note: z.string().trim().max(500).default(''),
});

/** The closure letter to a client who withdrew: shown in their portal; e-mail only tells them it is there. */
export const closureLetterSchema = z.strictObject({
  text: text(5000, 'the letter'),
  howToReturn: text(1000, 'how the client can come back'),
  referrals: referrals.default([]),
});
export type ClosureLetter = z.output<typeof closureLetterSchema>;

const planned = z.strictObject({ kind: z.literal('planned'), reason });
const therapistInitiated = z.strictObject({
  kind: z.literal('therapist-initiated'),
  reason,
  /** APA 10.10 (a) no longer benefits / is harmed; (b) the therapist is threatened or endangered. */
  grounds: z.enum(['not-benefiting', 'being-harmed', 'therapist-endangered']),
  /** The pretermination conversation (APA 10.10 c), unless the client's actions preclude it. */
  preterminationOn: calendarDate.optional(),
  preterminationSummary: z.string().trim().max(2000).default(''),
  referrals: referrals.default([]),
  precludedBecause: z.string().trim().max(1000).default(''),
});
const clientWithdrawal = z.strictObject({
  kind: z.literal('client-withdrawal'),
  reason,
  outreach: z
    .array(outreachAttemptSchema)
    .min(1, 'Record at least one attempt to reach the client, with its date and channel.')
    .max(20),
  closureLetter: closureLetterSchema,
});
const transfer = z.strictObject({
  kind: z.literal('transfer'),
  reason,
  transferTo: text(300, 'who care moves to'),
  handoverSummary: text(10000, 'the handover summary'),
});
const deathOrIncapacity = z.strictObject({
  kind: z.literal('death-or-incapacity'),
  reason,
  /** Whose death or incapacity ends the episode. */
  of: z.enum(['client', 'therapist']),
});
const notStarted = z.strictObject({
  kind: z.literal('not-started'),
  reason,
  referrals: referrals.default([]),
});

/** `POST /episodes/:id/ending`: one form per kind. */
export const recordEndingRequest = z.discriminatedUnion('kind', [
  planned,
  therapistInitiated,
  clientWithdrawal,
  transfer,
  deathOrIncapacity,
  notStarted,
]);
export type RecordEndingInput = z.input<typeof recordEndingRequest>;
export type RecordEnding = z.output<typeof recordEndingRequest>;
/** The details stored (encrypted) beside the reason, per kind. */
export type EndingDetails = RecordEnding extends infer T
  ? T extends unknown
    ? Omit<T, 'reason'>
    : never
  : never;

/** Plain words for each kind, for screens and the API's `kindLabel`. */
export const ENDING_KIND_LABELS: Record<EndingKind, string> = {
  planned: 'Planned ending, agreed by both',
  'therapist-initiated': 'Ended by the therapist',
  'client-withdrawal': 'The client withdrew or stopped replying',
  transfer: 'Transferred to another provider',
  'death-or-incapacity': 'Death or incapacity',
  'not-started': 'Closed at intake, therapy did not start',
};

/**
 * Which kinds of ending may be recorded in which phase. A planned ending follows the plan both
 * agreed, so it is recorded in `ending` and leads to aftercare; "not started" is an intake that
 * closes without therapy; the other kinds can happen at any point of care.
 */
export const ENDING_KIND_PHASES: Record<EndingKind, readonly Phase[]> = {
  planned: ['ending'],
  'not-started': ['intake'],
  'therapist-initiated': ['intake', 'active', 'ending'],
  'client-withdrawal': ['intake', 'active', 'ending'],
  transfer: ['intake', 'active', 'ending'],
  'death-or-incapacity': ['intake', 'active', 'ending'],
};

/** The kinds of ending that may be recorded in `phase`, in the order of ENDING_KINDS. */
export function endingKindsIn(phase: Phase): EndingKind[] {
  return ENDING_KINDS.filter((kind) => ENDING_KIND_PHASES[kind].includes(phase));
}

/**
 * The moves a bare phase change may make from `from`: aftercare and closed are reached by
 * recording an ending, except closing aftercare (which follows a planned ending).
 */
export function bareMovePhases(from: Phase): Phase[] {
  return nextPhases(from).filter(
    (to) => to !== 'aftercare' && (to !== 'closed' || from === 'aftercare'),
  );
}

export const endingSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  kind: z.enum(ENDING_KINDS),
  kindLabel: z.string(),
  reason: z.string(),
  /** One sentence in plain words: what happened and what was offered. */
  summary: z.string(),
  details: z.record(z.string(), z.unknown()).describe('The form of this kind, as recorded'),
  recordedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  recordedAt: z.date(),
  /** Who is responsible for the episode now (the cover designee after the therapist's death). */
  responsible: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  retainUntil: z.string().nullable().describe('The retention date (YYYY-MM-DD) once closed'),
});
export type Ending = z.output<typeof endingSchema>;

/** What the client sees in the portal after a withdrawal ending. */
export const portalClosureLetterSchema = closureLetterSchema.extend({
  therapistName: z.string(),
  sentAt: z.date(),
});
export type PortalClosureLetter = z.output<typeof portalClosureLetterSchema>;

// Retention (ETHICS.md, record retention): practice settings, the review list, destruction.

export const retentionSettingsSchema = z.strictObject({
  yearsAfterLastService: z.number().int().min(1).max(100),
  yearsAfterMajority: z.number().int().min(0).max(100),
  ageOfMajority: z.number().int().min(14).max(25),
});
export type RetentionSettings = z.output<typeof retentionSettingsSchema>;
export const DEFAULT_RETENTION: RetentionSettings = {
  yearsAfterLastService: 7,
  yearsAfterMajority: 3,
  ageOfMajority: 18,
};
export const updateRetentionSettingsBody = retentionSettingsSchema.partial();

export const retentionDueItemSchema = z.object({
  episodeId: z.uuid(),
  clientName: z.string(),
  therapistName: z.string(),
  closedAt: z.date(),
  lastServiceOn: z.string().describe('YYYY-MM-DD'),
  retainUntil: z.string().describe('YYYY-MM-DD'),
  /** Whether the later date came from the client's age (a minor at the time). */
  basis: z.enum(['last-service', 'majority']),
});
export type RetentionDueItem = z.output<typeof retentionDueItemSchema>;

export const destroyEpisodeBody = z.strictObject({
  confirm: z
    .string()
    .describe("The client's name exactly as the review list shows it, typed to confirm"),
});

export const destructionSchema = z.object({
  episodeId: z.uuid(),
  destroyedAt: z.date(),
  destroyedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  /** What was erased, by kind of record, with counts. */
  erased: z.record(z.string(), z.number().int()),
});
export type Destruction = z.output<typeof destructionSchema>;
