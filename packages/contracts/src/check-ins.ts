import { z } from 'zod';
import { crisisResourcesSchema } from './common';
import { CHECK_IN_STATUSES } from './ending-plan';
import { answerOptionSchema, measureItemSchema } from './measure-tasks';
import { answersSchema } from './measures';

/**
 * Check-ins after the ending and the therapist's aftercare queue (issue 11). A check-in is
 * scheduled for each month the ending plan names, only while the client's check-in consent is
 * live; the job queue invites the client on the day, reminds once, then leaves it.
 */

export const checkInStatusSchema = z.enum(CHECK_IN_STATUSES);

/** `GET /episodes/:id/check-ins`: one check-in of the episode (the contract's three fields). */
export const checkInSchema = z.object({
  id: z.uuid(),
  dueOn: z.string().describe("The day it is due (YYYY-MM-DD, the client's calendar)"),
  status: checkInStatusSchema,
  afterMonths: z.number().int(),
  answeredAt: z.date().nullable(),
});
export type CheckIn = z.output<typeof checkInSchema>;
export const checkInListSchema = z.object({ items: z.array(checkInSchema) });

/** One questionnaire of a check-in, as the portal shows it. */
export const checkInFormSchema = z.object({
  instrument: z.string(),
  title: z.string(),
  instructions: z.string(),
  items: z.array(measureItemSchema),
  options: z.array(answerOptionSchema),
  attribution: z.string().describe('Keep with the form: the instrument’s license requires it'),
});

export const CHECK_IN_WORDS_MAX = 4000;

/**
 * The client's answers so far, saved as they fill the check-in in (the form's autosave) and given
 * back when they return: one entry per item, null where not yet answered.
 */
export const checkInDraftSchema = z.strictObject({
  forms: z
    .array(z.strictObject({ instrument: z.string().min(1).max(64), answers: answersSchema }))
    .max(4),
  howAreThings: z
    .string()
    .max(CHECK_IN_WORDS_MAX, `At most ${CHECK_IN_WORDS_MAX} characters.`)
    .default(''),
  wantsToTalk: z.boolean().nullable().default(null),
});
export type CheckInDraft = z.output<typeof checkInDraftSchema>;

/** `PUT /portal/check-ins/:id/draft`: what was saved, and when. */
export const savedCheckInDraftSchema = z.object({
  id: z.uuid(),
  draft: checkInDraftSchema,
  savedAt: z.date(),
});
export type SavedCheckInDraft = z.output<typeof savedCheckInDraftSchema>;

/** A check-in waiting for the client's answer in the portal. */
export const portalCheckInSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  dueOn: z.string(),
  status: checkInStatusSchema,
  forms: z.array(checkInFormSchema),
  /** The answers saved so far (null when nothing was saved). */
  draft: checkInDraftSchema.nullable(),
});
export type PortalCheckIn = z.output<typeof portalCheckInSchema>;
export const portalCheckInListSchema = z.object({ items: z.array(portalCheckInSchema) });

/** The client's answer to a check-in. */
export const answerCheckInRequest = z.strictObject({
  forms: z
    .array(z.strictObject({ instrument: z.string().min(1).max(64), answers: answersSchema }))
    .max(4),
  howAreThings: z
    .string()
    .trim()
    .max(CHECK_IN_WORDS_MAX, `At most ${CHECK_IN_WORDS_MAX} characters.`)
    .default('')
    .describe('"How are things?" in the client’s own words (stored encrypted)'),
  wantsToTalk: z.boolean().describe('"Would you like to talk with your therapist again?"'),
});
export type AnswerCheckIn = z.input<typeof answerCheckInRequest>;

export const answeredCheckInSchema = z.object({
  checkIn: checkInSchema,
  /** Shown at once when a risk item or risk language was found (CLINICAL.md §1). */
  crisisResources: crisisResourcesSchema.nullable(),
});

export const withdrawCheckInsRequest = z.strictObject({ episodeId: z.uuid() });
export const withdrawnCheckInsSchema = z.object({
  cancelled: z.number().int().describe('How many check-ins still to come were cancelled'),
  items: z.array(checkInSchema),
});

/** Why a client is in the aftercare queue. */
export const AFTERCARE_REASON_KINDS = ['deterioration', 'risk', 'reconnect'] as const;
export const aftercareReasonSchema = z.object({
  kind: z.enum(AFTERCARE_REASON_KINDS),
  /** The reason in plain words, for the therapist. */
  text: z.string(),
});

export const aftercareItemSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  pronouns: z.string().nullable(),
  checkInId: z.uuid(),
  dueOn: z.string(),
  answeredAt: z.date(),
  reasons: z.array(aftercareReasonSchema),
  status: z.enum(['open', 'handled']),
  boosterAppointmentId: z.uuid().nullable(),
  handledAt: z.date().nullable(),
});
export type AftercareItem = z.output<typeof aftercareItemSchema>;
export const aftercareListSchema = z.object({
  items: z.array(aftercareItemSchema),
  open: z.number().int(),
});

/** How long a booster session may be, and its length when the episode has no session to copy. */
export const BOOSTER_MINUTES = { min: 30, max: 90, fallback: 50 } as const;

/** The therapist offers a booster session in the aftercare episode. */
export const offerBoosterRequest = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }).describe('When the booster session starts'),
  durationMinutes: z
    .number()
    .int('A whole number of minutes.')
    .min(BOOSTER_MINUTES.min, `A booster session lasts at least ${BOOSTER_MINUTES.min} minutes.`)
    .max(BOOSTER_MINUTES.max, `A booster session lasts at most ${BOOSTER_MINUTES.max} minutes.`)
    .optional()
    .describe(
      `Length in minutes (${BOOSTER_MINUTES.min}–${BOOSTER_MINUTES.max}); when left out, the length of the episode's usual session, else ${BOOSTER_MINUTES.fallback}`,
    ),
  queueItemId: z.uuid().optional().describe('The aftercare queue item this answers (handled)'),
});
export const boosterSchema = z.object({
  appointmentId: z.uuid(),
  startsAt: z.date(),
  endsAt: z.date(),
});

export const handleAftercareItemRequest = z.strictObject({});
