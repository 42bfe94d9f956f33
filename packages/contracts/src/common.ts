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
  verified: z
    .boolean()
    .describe(
      'false while these are the shipped defaults: the practice should verify them for its locale',
    ),
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
    rule: z
      .string()
      .optional()
      .describe('The contact rule that refused a message (e.g. contact-agreement-accepted)'),
    crisisResources: crisisResourcesSchema
      .optional()
      .describe('Shown to the person at once when a risk item was answered above 0'),
  })
  .describe('RFC 9457 problem details (application/problem+json)');

/** The body of every error answer (problem+json), as the server sends it and the web reads it. */
export type Problem = z.output<typeof problemSchema>;

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

export const ROLES = ['practice_admin', 'therapist', 'supervisor', 'client'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.output<typeof roleSchema>;

/** A role in words, for every screen and terminal that names one (one place: issue 9, item 9). */
export const ROLE_NAMES: Record<Role, string> = {
  practice_admin: 'Practice administrator',
  therapist: 'Therapist',
  supervisor: 'Supervisor',
  client: 'Client',
};

/** A list answer: one page of items and the cursor of the next page (null at the end). */
export function pageSchema<T extends z.ZodType>(
  item: T,
): z.ZodObject<{ items: z.ZodArray<T>; nextCursor: z.ZodNullable<z.ZodString> }> {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A list answer without paging. */
export function itemsSchema<T extends z.ZodType>(item: T): z.ZodObject<{ items: z.ZodArray<T> }> {
  return z.object({ items: z.array(item) });
}

/** How many items one page holds: `?limit=`, 1…max, with a default. */
export function limitParam(max: number, fallback: number): z.ZodDefault<z.ZodCoercedNumber> {
  return z.coerce.number().int().min(1).max(max).default(fallback);
}

/** True for a zone the runtime knows by its IANA name (Europe/London). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, 'Use an IANA time zone such as Europe/London.');

/** A time zone that may be left blank (a new client): blank means the practice's zone. */
export const blankOrTimeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine((zone) => zone === '' || isTimeZone(zone), 'Use an IANA time zone such as Europe/London.')
  .describe("IANA time zone; blank or absent: the practice's");

/** Common error responses, so the OpenAPI document lists them for every route. */
export const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;
