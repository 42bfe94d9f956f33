import { z } from 'zod';

/**
 * Consent documents and signatures (issue 10). A practice keeps one current version of each kind;
 * a new version supersedes it, and a signature keeps the version it signed.
 */

export const CONSENT_KINDS = [
  'treatment',
  'telehealth',
  'recording',
  'supervision',
  'check-ins',
] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const consentKindSchema = z.enum(CONSENT_KINDS);

/**
 * The parts of an episode a supervision consent may share with the therapist's supervisor.
 * Psychotherapy notes are not a part: they are never shared (HIPAA 45 CFR 164.508(a)(2)).
 */
export const SUPERVISION_PARTS = ['notes', 'scores', 'goals', 'boundary-log'] as const;
export type SupervisionPart = (typeof SUPERVISION_PARTS)[number];
export const supervisionPartSchema = z.enum(SUPERVISION_PARTS);

export const CONSENT_TITLE_MAX = 200;
export const CONSENT_BODY_MAX = 20_000;

export const consentDocumentSchema = z.object({
  id: z.uuid(),
  kind: consentKindSchema,
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  /** For a supervision consent: what the supervisor may read. Empty for other kinds. */
  shares: z.array(supervisionPartSchema),
  publishedAt: z.date(),
  supersededAt: z.date().nullable(),
});
export type ConsentDocument = z.output<typeof consentDocumentSchema>;

export const publishConsentRequest = z.strictObject({
  kind: consentKindSchema,
  title: z.string().trim().min(1).max(CONSENT_TITLE_MAX),
  body: z.string().trim().min(1).max(CONSENT_BODY_MAX),
  shares: z
    .array(supervisionPartSchema)
    .max(SUPERVISION_PARTS.length)
    .default([])
    .describe('Supervision consent only: what the supervisor may read (never psychotherapy notes)'),
});

export const consentSignatureSchema = z.object({
  id: z.uuid(),
  kind: consentKindSchema,
  documentId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  signedName: z.string(),
  signedAt: z.date(),
  endedAt: z.date().nullable(),
  endedBecause: z.enum(['withdrawn', 'replaced']).nullable(),
  shares: z.array(supervisionPartSchema),
});
export type ConsentSignature = z.output<typeof consentSignatureSchema>;

/** The portal's consent page: every current document, and the client's live signature of each. */
export const portalConsentItemSchema = z.object({
  document: consentDocumentSchema,
  signature: consentSignatureSchema.nullable(),
  /** The client signed an older version, which still holds; the current one is newer. */
  newerVersion: z.boolean(),
});
export const portalConsentListSchema = z.object({ items: z.array(portalConsentItemSchema) });
export type PortalConsentItem = z.output<typeof portalConsentItemSchema>;

export const signConsentRequest = z.strictObject({
  kind: consentKindSchema,
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version the client read (must be the current one)'),
  signedName: z
    .string()
    .trim()
    .min(2, 'Type your name to sign.')
    .max(200)
    .describe('The name the client typed as their signature'),
});

/** Staff: a client's consents, live and ended (therapist of an episode with them). */
export const clientConsentListSchema = z.object({ items: z.array(consentSignatureSchema) });

export const consentDocumentListSchema = z.object({ items: z.array(consentDocumentSchema) });
