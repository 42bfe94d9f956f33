import { z } from 'zod';

/** Shared request/response pieces. Requests are strict: unknown fields are refused. */
/** What a client sees at once after a risk item (CLINICAL.md §4). */
export const crisisResourcesSchema = z.object({
  version: z.string(),
  title: z.string(),
  message: z.string(),
  lines: z.array(
    z.object({ country: z.string(), name: z.string(), contact: z.string(), note: z.string() }),
  ),
  practice: z.string(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
    flags: z
      .array(z.string())
      .optional()
      .describe(
        'A refused questionnaire: the risk flags its answers raise anyway (a risk item is never lost to validation)',
      ),
    crisisResources: crisisResourcesSchema
      .optional()
      .describe('Shown to the person at once when a risk item was answered above 0'),
  })
  .describe('RFC 9457 problem details (application/problem+json)');

export const email = z
  .email()
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const displayName = z.string().trim().min(1).max(200);
export const uuidParam = z.strictObject({ id: z.uuid() });
export const otpCode = z.string().regex(/^\d{6}$/, 'Enter the 6-digit code.');

/** A list's `cursor`: the `nextCursor` of the previous page, passed back unchanged. */
export const cursorParam = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]*$/, 'Use the nextCursor value of the previous page, unchanged.');

export const roleSchema = z.enum(['practice_admin', 'therapist', 'supervisor', 'client']);

/** Common error responses, so the OpenAPI document lists them for every route. */
export const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;
