import { z } from 'zod';
import { isCalendarDate } from './clients';

/**
 * Ending together (issue 11). The ending plan is an agreement between the therapist and the
 * client (the agreement primitive, kind `ending-plan`): either side proposes a version, the
 * proposal is the proposer's acceptance, and the episode moves to `ending` only when both have
 * accepted the same version. These shapes are shared by the ending plan, the ending summary, the
 * continuity kit, the check-ins after the ending and the return of a client.
 */

export const calendarDate = z
  .string()
  .refine(isCalendarDate, 'Use a real date written YYYY-MM-DD, e.g. 2027-02-26.');

const words = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const list = (max: number, itemMax = 300) =>
  z.array(words(itemMax).min(1, 'Leave out empty lines.')).max(max, `At most ${max} lines.`);

/** How often sessions happen in one step of the taper. */
export const TAPER_CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
export type TaperCadence = (typeof TAPER_CADENCES)[number];

/**
 * One step of the taper: from `from` (inclusive) sessions happen at `cadence`. Steps are in date
 * order; the last step runs to the planned last session. Only future appointments are rewritten.
 */
export const taperStepSchema = z.strictObject({
  from: calendarDate,
  cadence: z.enum(TAPER_CADENCES),
});
export type TaperStep = z.output<typeof taperStepSchema>;

/** Written together: what to watch for and what to do (the continuity kit keeps it). */
export const relapsePreventionSchema = z.strictObject({
  warningSigns: list(20).default([]),
  triggers: list(20).default([]),
  whatHelps: list(20).default([]),
  whoToContact: list(10).default([]),
  /** Extra crisis wording; the practice's crisis resources are always shown beside it. */
  crisisPlan: words(1000).default(''),
});
export type RelapsePrevention = z.output<typeof relapsePreventionSchema>;

/** A referral: who the client can turn to (a person or a service) and, optionally, why. */
export const referralSchema = z.strictObject({
  to: words(200)
    .min(1, 'Name who the referral is to.')
    .describe('A person or a service the client can turn to'),
  reason: words(500).default('').describe('Why this referral (optional)'),
});
export type Referral = z.output<typeof referralSchema>;

export const checkInChoiceSchema = z.strictObject({
  afterMonths: z
    .number()
    .int('Months are a whole number.')
    .min(1, 'A check-in is at least 1 month after the ending.')
    .max(24, 'A check-in is at most 24 months after the ending.'),
});
export type CheckInChoice = z.output<typeof checkInChoiceSchema>;

/** What either party proposes (`POST /episodes/:id/ending-plan`). */
export const proposeEndingPlanRequest = z.strictObject({
  lastSessionOn: calendarDate.describe('The planned last session (YYYY-MM-DD)'),
  taper: z.array(taperStepSchema).max(6, 'At most 6 taper steps.').default([]),
  sessionsToTalkAboutEnding: z.number().int().min(0).max(52).default(0),
  referrals: z.array(referralSchema).max(10).default([]),
  relapsePrevention: relapsePreventionSchema.default({
    warningSigns: [],
    triggers: [],
    whatHelps: [],
    whoToContact: [],
    crisisPlan: '',
  }),
  /** The closing session's shape (a closing song, a recording, a letter to oneself). */
  closingSession: words(1000).default(''),
  checkIns: z
    .array(checkInChoiceSchema)
    .max(8, 'At most 8 check-ins.')
    .refine(
      (c) => new Set(c.map((x) => x.afterMonths)).size === c.length,
      'Each check-in month appears once.',
    ),
});
export type ProposeEndingPlan = z.input<typeof proposeEndingPlanRequest>;
/** The plan's terms as stored in the agreement version's content (with `v: 1`). */
export type EndingPlanTerms = z.output<typeof proposeEndingPlanRequest>;

export const acceptEndingPlanRequest = z.strictObject({
  version: z.number().int().min(1),
});

/** How an episode ended; never a silent flip (APA 10.10, ACA A.11). */
export const ENDING_KINDS = [
  /** Both agreed an ending plan and followed it. */
  'planned',
  /** The client no longer benefits, or the therapist is endangered (APA 10.10 a/b). */
  'therapist-initiated',
  /** The client withdrew or stopped replying (outreach recorded, closure letter sent). */
  'client-withdrawal',
  /** Care moves to another provider (handover summary). */
  'transfer',
  /** The death or incapacity of the client or the therapist (handled with the cover designee). */
  'death-or-incapacity',
  /** Intake closed without therapy starting (not a fit, referred on). */
  'not-started',
] as const;
export type EndingKind = (typeof ENDING_KINDS)[number];

/** The states of one check-in after the ending (`GET /episodes/:id/check-ins`). */
export const CHECK_IN_STATUSES = [
  'scheduled',
  'invited',
  'reminded',
  'answered',
  'unanswered',
  'cancelled',
] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** One party's answer to a version of the ending plan. */
export const endingPlanPartySchema = z.object({
  party: z.enum(['therapist', 'client']),
  response: z.enum(['pending', 'accepted', 'declined']),
  respondedAt: z.date().nullable(),
});

/** A version of the ending plan without its terms: who proposed it and who agreed when. */
export const endingPlanVersionSchema = z.object({
  version: z.number().int(),
  state: z.enum(['proposed', 'accepted', 'declined', 'superseded']),
  proposedBy: z.enum(['therapist', 'client']),
  proposedAt: z.date(),
  parties: z.array(endingPlanPartySchema),
  acceptedAt: z.date().nullable().describe('When the second party accepted (both agreed)'),
});
export type EndingPlanVersion = z.output<typeof endingPlanVersionSchema>;

/** `GET /episodes/:id/ending-plan`: the current version, its terms and who agreed to what. */
export const endingPlanSchema = endingPlanVersionSchema.extend({
  episodeId: z.uuid(),
  terms: proposeEndingPlanRequest,
  agreedVersion: z
    .number()
    .int()
    .nullable()
    .describe('The newest version both accepted (it moved the episode to ending), if any'),
  history: z.array(endingPlanVersionSchema).describe('Every version, newest first'),
});
export type EndingPlan = z.output<typeof endingPlanSchema>;
