import { z } from 'zod';
import { attachmentSchema } from './carry-forward';
import { crisisResourcesSchema } from './common';

/**
 * The contact agreement and secure messaging (issue 10). A contact agreement says how and when the
 * client and the therapist are in touch between sessions; messages are governed by it.
 */

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().regex(HH_MM, 'Write the time as HH:mm on a 24-hour clock, e.g. 09:30.');

/** One weekly window of the therapist's availability, in the agreement's time zone. */
export const availabilityWindowSchema = z
  .strictObject({
    weekday: z
      .number()
      .int()
      .min(1, 'The weekday is a number from 1 (Monday) to 7 (Sunday).')
      .max(7, 'The weekday is a number from 1 (Monday) to 7 (Sunday).'),
    from: time,
    to: time,
  })
  .refine((w) => w.from < w.to, {
    message: 'A window ends after it starts, on the same day (e.g. 09:00 to 17:00).',
    path: ['to'],
  });
export type AvailabilityWindow = z.output<typeof availabilityWindowSchema>;

export const contactChannelsSchema = z.strictObject({
  messages: z.boolean().describe('Secure messages in the portal'),
  email: z.boolean().describe('E-mail notifications of new messages (no content unless allowed)'),
  phone: z.boolean().describe('Phone calls'),
});
export type ContactChannels = z.output<typeof contactChannelsSchema>;

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Write a sentence or leave it out to use the practice default.')
    .max(max);

/** What the therapist proposes; texts left out take the practice's defaults. */
export const proposeContactAgreementRequest = z.strictObject({
  channels: contactChannelsSchema,
  availability: z
    .array(availabilityWindowSchema)
    .max(28, 'At most 28 windows a week.')
    .describe("Weekly windows in the therapist's time zone"),
  responseTimeHours: z
    .number()
    .int('The response time is a whole number of hours.')
    .min(1, 'The response time is at least 1 hour.')
    .max(336, 'The response time is at most 336 hours (two weeks).'),
  timeZone: z
    .string()
    .max(64)
    .optional()
    .describe("IANA zone of the windows; default the practice's zone"),
  purpose: plainText(1000).optional().describe('What messages are for'),
  crisis: plainText(1000).optional().describe('What to do in a crisis'),
  afterEnding: plainText(1000).optional().describe('The rules after the ending'),
});
export type ProposeContactAgreement = z.input<typeof proposeContactAgreementRequest>;

/** The terms as agreed: every text filled in. */
export const contactTermsSchema = z.object({
  channels: contactChannelsSchema,
  availability: z.array(availabilityWindowSchema),
  responseTimeHours: z.number().int(),
  timeZone: z.string(),
  purpose: z.string(),
  crisis: z.string(),
  afterEnding: z.string(),
  safetyNet: z.string().describe('Says plainly that the risk-language screen is a safety net'),
});
export type ContactTerms = z.output<typeof contactTermsSchema>;

/** A window as the client sees it, in the client's zone; `nextDay` when it ends after midnight. */
export const shownWindowSchema = z.object({
  weekday: z.number().int(),
  from: z.string(),
  to: z.string(),
  endsNextDay: z.boolean(),
});
export type ShownWindow = z.output<typeof shownWindowSchema>;

export const contactPartySchema = z.object({
  party: z.enum(['therapist', 'client']),
  response: z.enum(['pending', 'accepted', 'declined']),
  respondedAt: z.date().nullable(),
});

export const contactAgreementSchema = z.object({
  episodeId: z.uuid(),
  version: z.number().int(),
  state: z.enum(['proposed', 'accepted', 'declined', 'superseded']),
  proposedAt: z.date(),
  terms: contactTermsSchema,
  parties: z.array(contactPartySchema),
  acceptedAt: z.date().nullable().describe('When the last required party accepted'),
  clientTimeZone: z.string(),
  clientAvailability: z
    .array(shownWindowSchema)
    .describe("The therapist's windows in the client's time zone, this week"),
  governingVersion: z
    .number()
    .int()
    .nullable()
    .describe('The newest version both accepted: it governs messages until a change is accepted'),
  crisisResources: crisisResourcesSchema,
});
export type ContactAgreement = z.output<typeof contactAgreementSchema>;

export const proposedContactAgreementSchema = contactAgreementSchema;

export const acceptContactAgreementRequest = z.strictObject({
  version: z.number().int().min(1, 'Name the version you read (1 or more).'),
});

/** Practice defaults a therapist starts from. */
export const contactDefaultsSchema = z.object({
  channels: contactChannelsSchema,
  availability: z.array(availabilityWindowSchema),
  responseTimeHours: z.number().int(),
  timeZone: z.string(),
  purpose: z.string(),
  crisis: z.string(),
  afterEnding: z.string(),
});
export type ContactDefaults = z.output<typeof contactDefaultsSchema>;

export const MESSAGE_MAX_CHARS = 4000;

export const sendMessageRequest = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, 'Write something before sending: the message is empty.')
    .max(
      MESSAGE_MAX_CHARS,
      `A message can be at most ${MESSAGE_MAX_CHARS} characters; shorten it or split it in two.`,
    ),
  attachmentId: z
    .uuid()
    .optional()
    .describe('A file uploaded with POST …/messages/attachments, sent with this message'),
});

export const messageSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  from: z.enum(['therapist', 'client']),
  senderName: z.string(),
  mine: z.boolean().describe('Sent by the caller'),
  body: z.string(),
  sentAt: z.date(),
  readAt: z.date().nullable().describe('When the other party read it'),
  outsideHours: z.boolean(),
  attachment: attachmentSchema.nullable(),
});
export type Message = z.output<typeof messageSchema>;

export const messageAttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

export const autoReplySchema = z.object({
  text: z.string(),
  responseTimeHours: z.number().int(),
  crisisResources: crisisResourcesSchema,
});
export type AutoReply = z.output<typeof autoReplySchema>;

export const sentMessageSchema = messageSchema.extend({
  autoReply: autoReplySchema.optional().describe("Sent outside the therapist's hours"),
  crisisResources: crisisResourcesSchema
    .optional()
    .describe('The risk-language screen matched: help the client can reach now'),
});
export type SentMessage = z.output<typeof sentMessageSchema>;

export const messageListSchema = z.object({
  items: z.array(messageSchema),
  unread: z.number().int().describe('Messages from the other party not yet read'),
});
export type MessageList = z.output<typeof messageListSchema>;

export const markReadSchema = z.object({ marked: z.number().int() });

export const crisisResourcesRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(2000),
  lines: z
    .array(
      z.strictObject({
        country: z.string().trim().max(40),
        name: z.string().trim().min(1).max(200),
        contact: z.string().trim().min(1).max(100),
        note: z.string().trim().max(500),
      }),
    )
    .max(20),
  practice: z.string().trim().max(1000),
});
export type CrisisResourcesInput = z.output<typeof crisisResourcesRequest>;

/** Crisis resources as a practice stores them (verified once an administrator has set them). */
export const storedCrisisResourcesSchema = crisisResourcesSchema.omit({ verified: true });
