import { z } from 'zod';
import { supervisionPartSchema } from './consent';
import { phaseSchema } from './episodes';

/** Supervision, cover while away and the boundary log (issue 10). */

export const supervisionAssignmentSchema = z.object({
  id: z.uuid(),
  supervisorId: z.uuid(),
  supervisorName: z.string(),
  therapistId: z.uuid(),
  therapistName: z.string(),
  assignedAt: z.date(),
});
export type SupervisionAssignment = z.output<typeof supervisionAssignmentSchema>;

export const assignSupervisorRequest = z.strictObject({
  supervisorId: z.uuid(),
  therapistId: z.uuid(),
});

/** An episode a supervisor may read, with what the client's consent shares. */
export const supervisedEpisodeSchema = z.object({
  episodeId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  pronouns: z.string().nullable(),
  therapistName: z.string(),
  phase: phaseSchema,
  shares: z.array(supervisionPartSchema),
  consentSignedAt: z.date(),
});
export type SupervisedEpisode = z.output<typeof supervisedEpisodeSchema>;
export const supervisedEpisodeListSchema = z.object({ items: z.array(supervisedEpisodeSchema) });

export const COVER_MAX_DAYS = 92;

export const coverRequest = z
  .strictObject({
    designeeId: z.uuid(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    episodeIds: z.array(z.uuid()).min(1, 'Name at least one episode to cover.').max(500),
  })
  .refine((c) => c.endsAt.getTime() > c.startsAt.getTime(), {
    message: 'The cover must end after it starts.',
    path: ['endsAt'],
  })
  .refine((c) => c.endsAt.getTime() - c.startsAt.getTime() <= COVER_MAX_DAYS * 86_400_000, {
    message: `Cover can last at most ${COVER_MAX_DAYS} days; arrange a transfer for longer.`,
    path: ['endsAt'],
  });

export const coverSchema = z.object({
  id: z.uuid(),
  therapistId: z.uuid(),
  therapistName: z.string(),
  designeeId: z.uuid(),
  designeeName: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  cancelledAt: z.date().nullable(),
  episodes: z.array(z.object({ id: z.uuid(), clientName: z.string() })),
});
export type Cover = z.output<typeof coverSchema>;
export const coverListSchema = z.object({
  /** Cover the caller arranged for their own episodes. */
  arranged: z.array(coverSchema),
  /** Cover the caller gives colleagues (as designee). */
  giving: z.array(coverSchema),
  /** The active therapists of the practice the caller may name as designee. */
  colleagues: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
});

export type CoverList = z.output<typeof coverListSchema>;

/** What a client sees on the portal while someone covers for their therapist. */
export const portalCoverSchema = z.object({
  designeeName: z.string(),
  therapistName: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  timeZone: z.string(),
});
export type PortalCover = z.output<typeof portalCoverSchema>;

export const BOUNDARY_KINDS = [
  'gift',
  'dual-relationship',
  'out-of-session-contact',
  'post-ending-contact',
  'self-disclosure',
  'other',
] as const;
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];
export const BOUNDARY_ASSESSMENTS = ['crossing', 'violation', 'unsure'] as const;
export type BoundaryAssessment = (typeof BOUNDARY_ASSESSMENTS)[number];

export const BOUNDARY_TEXT_MAX = 4000;
const text = z.string().trim().max(BOUNDARY_TEXT_MAX);

export const boundaryEntryRequest = z.strictObject({
  kind: z.enum(BOUNDARY_KINDS),
  assessment: z.enum(BOUNDARY_ASSESSMENTS).describe('A crossing, a violation, or not yet clear'),
  occurredOn: z.iso.date().describe('The day it happened (YYYY-MM-DD)'),
  description: text.min(1, 'Say what happened.'),
  reflection: text.default(''),
  consultation: text.default('').describe('Who was consulted and what they advised, if anyone'),
  codeClause: z
    .string()
    .trim()
    .max(200)
    .default('')
    .describe('The code clause relied on, e.g. APA 3.05'),
  followUp: text.default(''),
});

export const boundaryEntrySchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  kind: z.enum(BOUNDARY_KINDS),
  assessment: z.enum(BOUNDARY_ASSESSMENTS),
  occurredOn: z.string(),
  description: z.string(),
  reflection: z.string(),
  consultation: z.string(),
  codeClause: z.string(),
  followUp: z.string(),
  authorName: z.string(),
  createdAt: z.date(),
});
export type BoundaryEntry = z.output<typeof boundaryEntrySchema>;
export const boundaryEntryListSchema = z.object({ items: z.array(boundaryEntrySchema) });
