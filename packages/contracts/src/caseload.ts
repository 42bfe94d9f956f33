import { z } from 'zod';

// The therapist's caseload: open episodes by next session, with what needs attention.

/** The phases an episode on the caseload can be in: closed episodes leave the caseload. */
export const CASELOAD_PHASES = ['intake', 'active', 'ending', 'aftercare'] as const;

export const ATTENTION_KINDS = [
  'unsigned-notes',
  'homework-completed',
  'no-next-session',
  'overdue-homework',
  'urgent-alerts',
  'unread-messages',
  'alerts',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const caseloadItemSchema = z.object({
  clientId: z.uuid(),
  displayName: z.string(),
  preferredName: z.string().nullable(),
  episodeId: z.uuid(),
  phase: z.enum(CASELOAD_PHASES),
  nextSession: z.date().nullable(),
  nextSessionTimeZone: z.string().nullable().describe("The next session's IANA time zone"),
  lastContactAt: z.date().nullable().describe('Start of the last attended session'),
  daysSinceLastContact: z.number().int().nullable(),
  attention: z.array(z.object({ kind: z.enum(ATTENTION_KINDS), count: z.number().int() })),
  cover: z
    .object({
      therapistName: z.string(),
      designeeName: z.string(),
      endsAt: z.date(),
      timeZone: z.string().describe("The practice's IANA time zone, to show the end in"),
      viewer: z
        .enum(['therapist', 'designee'])
        .describe("The reader is the episode's therapist, or the designee covering it"),
    })
    .nullable()
    .describe(
      'Cover in effect now (issue 10): a colleague covering this episode, or (viewer "designee") an episode the reader covers, until when',
    ),
});
export type CaseloadItem = z.output<typeof caseloadItemSchema>;

export const caseloadSchema = z.object({ items: z.array(caseloadItemSchema) });
export type Caseload = z.output<typeof caseloadSchema>;
