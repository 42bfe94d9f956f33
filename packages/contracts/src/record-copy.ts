import { z } from 'zod';

// The client's own copy of their record (issue 12; HIPAA 45 CFR 164.524, right of access): a
// readable PDF and a FHIR file, downloaded from the portal. A practice may ask its therapists to
// review a copy before it is released; the request and its timing are recorded.

/** HIPAA 164.524(b)(2): a request for access is acted on within 30 days of receipt. */
export const RECORD_REQUEST_DUE_DAYS = 30;

/** A released copy stays downloadable this long; after that the client asks again. */
export const RECORD_RELEASE_VALID_DAYS = 30;

export const RECORD_REQUEST_STATUSES = ['pending', 'released', 'refused'] as const;
export type RecordRequestStatus = (typeof RECORD_REQUEST_STATUSES)[number];

/**
 * What the copy can be downloaded as through `downloadOwnCopy`; the audit event names it
 * (`record-copy.pdf`). The FHIR bundle is served by the export work's own route, not here.
 */
export const RECORD_COPY_FORMATS = ['pdf'] as const;
export type RecordCopyFormat = (typeof RECORD_COPY_FORMATS)[number];

export const recordRequestSchema = z.object({
  id: z.uuid(),
  status: z.enum(RECORD_REQUEST_STATUSES),
  requestedAt: z.date(),
  /** 30 days after the request: the latest the practice may answer (HIPAA 164.524(b)(2)). */
  dueBy: z.date(),
  decidedAt: z.date().nullable(),
  /** Who released or refused it. */
  decidedByName: z.string().nullable(),
  /** Why it was refused, in the therapist's words, shown to the client. */
  refusalReason: z.string().nullable(),
  /** Until when a released copy can be downloaded. */
  releasedUntil: z.date().nullable(),
});
export type RecordRequest = z.output<typeof recordRequestSchema>;

/** The portal's "Your record" page: may the client download now, and their latest request. */
export const recordCopyStateSchema = z.object({
  practiceName: z.string(),
  reviewRequired: z.boolean(),
  mayDownload: z.boolean(),
  latestRequest: recordRequestSchema.nullable(),
  /** The practice's time zone, for showing the request's times. */
  timeZone: z.string(),
});
export type RecordCopyState = z.output<typeof recordCopyStateSchema>;

/** A request waiting for the therapist's review (their caseload and the requests page). */
export const pendingRecordRequestSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  requestedAt: z.date(),
  dueBy: z.date(),
});
export type PendingRecordRequest = z.output<typeof pendingRecordRequestSchema>;

export const pendingRecordRequestListSchema = z.object({
  items: z.array(pendingRecordRequestSchema),
});
export type PendingRecordRequestList = z.output<typeof pendingRecordRequestListSchema>;

export const refuseRecordRequestBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why, in words the client will read.')
    .max(2000, 'Keep the reason under 2,000 characters.'),
});
export type RefuseRecordRequest = z.input<typeof refuseRecordRequestBody>;
