import { z } from 'zod';
import { cursorParam, limitParam, pageSchema, roleSchema } from './common';

// The client's access report: who accessed their record and when (HIPAA 45 CFR 164.528,
// accounting of disclosures; 164.524, right of access). Built from the audit log.

/** What kind of record was accessed; shown in words (a private note only by its kind). */
export const ACCESS_RECORD_KINDS = [
  'details',
  'episode',
  'session',
  'session-note',
  'private-note',
  'questionnaire',
  'scores',
  'alerts',
  'goals',
  'plan',
  'homework',
  'file',
  'brief',
  'timeline',
  'measurement-plan',
  'agreement',
  'contact-agreement',
  'access-report',
  'message',
  'consent',
  'record',
  'copy',
  'copy-request',
] as const;
export const accessRecordKindSchema = z.enum(ACCESS_RECORD_KINDS);
export type AccessRecordKind = z.output<typeof accessRecordKindSchema>;

/** `download`: a copy of the record left the system (issue 12); `request`, `release`, `refuse`: its request. */
export const ACCESS_ACTIONS = [
  'read',
  'change',
  'download',
  'request',
  'release',
  'refuse',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export const accessReportItemSchema = z.object({
  at: z.date(),
  /** The person's name; "Someone at the practice" when the account no longer exists. */
  actorName: z.string(),
  /** Their role when they accessed the record; null when not known. */
  actorRole: roleSchema.nullable(),
  /** True when the client whose report this is did it themself (the portal says "You"). */
  byClient: z.boolean(),
  action: z.enum(ACCESS_ACTIONS),
  resourceType: accessRecordKindSchema,
});
export type AccessReportItem = z.output<typeof accessReportItemSchema>;

export const accessReportSchema = pageSchema(accessReportItemSchema);
export type AccessReport = z.output<typeof accessReportSchema>;

export const accessReportQuery = z.strictObject({
  limit: limitParam(200, 50),
  cursor: cursorParam.optional(),
});

/** Who is named when the account that accessed the record no longer exists. */
export const UNKNOWN_ACTOR_NAME = 'Someone at the practice';
