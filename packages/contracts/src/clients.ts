import { z } from 'zod';
import {
  blankOrTimeZoneSchema,
  cursorParam,
  displayName,
  email,
  limitParam,
  timeZoneSchema,
} from './common';

// A client's details as their therapist keeps them, and how the practice may contact them.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const shortText = z.string().trim().min(1).max(200);
const pronouns = z.string().trim().min(1).max(60);
const phone = z
  .string()
  .trim()
  .regex(
    /^\+?\(?[0-9][0-9 ()./-]{2,39}$/,
    'Use digits, spaces and + ( ) - . only, e.g. +44 20 7946 0958.',
  );
/** A phone number as the practice keeps it (also checked on import, issue 12). */
export const phoneSchema = phone;
const dateOfBirth = z
  .string()
  .refine(isCalendarDate, 'Use a real date written YYYY-MM-DD.')
  .describe('YYYY-MM-DD, not in the future');
const emergencyContactInput = z.strictObject({
  name: shortText,
  phone,
  relationship: z.string().trim().min(1).max(100),
});

/** A change to how the practice may contact a client; only the fields sent change. */
export const safeContactChangesSchema = z.strictObject({
  mayEmail: z.boolean().optional().describe('May the practice e-mail this client at all?'),
  emailMayIncludeDetails: z
    .boolean()
    .optional()
    .describe('May e-mails say more than "you have something new in your portal"?'),
  remindersEnabled: z.boolean().optional(),
});

export const safeContactSchema = z.object({
  mayEmail: z.boolean(),
  emailMayIncludeDetails: z.boolean(),
  remindersEnabled: z.boolean(),
});
export type SafeContact = z.output<typeof safeContactSchema>;

export const emergencyContactSchema = z.object({
  name: z.string(),
  phone: z.string(),
  relationship: z.string(),
});
export type EmergencyContact = z.output<typeof emergencyContactSchema>;

export const CLIENT_STATUSES = ['invited', 'active'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const clientSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  timeZone: z.string(),
  email: z
    .string()
    .nullable()
    .describe('Null for a client who joined with a sign-up code and no e-mail'),
  phone: z.string().nullable(),
  emergencyContact: emergencyContactSchema.nullable(),
  safeContact: safeContactSchema,
  status: z.enum(CLIENT_STATUSES),
  therapistId: z.uuid(),
  therapistName: z.string(),
  createdAt: z.date(),
});
export type Client = z.output<typeof clientSchema>;

export const invitedClientSchema = clientSchema.extend({
  invitationSent: z.boolean(),
  signUpCode: z
    .object({ code: z.string(), expiresAt: z.date() })
    .nullable()
    .describe(
      'When no invitation e-mail goes out: a one-time code to hand to the client in person. Shown this once; only its hash is kept.',
    ),
});
export type InvitedClient = z.output<typeof invitedClientSchema>;

export const createClientBody = z.strictObject({
  displayName,
  email: email.optional().describe('Leave out to hand the client a sign-up code in person'),
  preferredName: shortText.optional(),
  pronouns: pronouns.optional(),
  dateOfBirth: dateOfBirth.optional(),
  timeZone: blankOrTimeZoneSchema.optional(),
  phone: phone.optional(),
  emergencyContact: emergencyContactInput.optional(),
  safeContact: safeContactChangesSchema.optional(),
  invite: z.boolean().default(true),
});
export type CreateClientInput = z.input<typeof createClientBody>;

export const updateClientBody = z.strictObject({
  displayName: displayName.optional(),
  preferredName: shortText.nullable().optional(),
  pronouns: pronouns.nullable().optional(),
  dateOfBirth: dateOfBirth.nullable().optional(),
  timeZone: timeZoneSchema.optional(),
  phone: phone.nullable().optional(),
  emergencyContact: emergencyContactInput.nullable().optional(),
  safeContact: safeContactChangesSchema.optional(),
});
export type ClientChanges = z.input<typeof updateClientBody>;

export const listClientsQuery = z.strictObject({
  limit: limitParam(200, 50),
  cursor: cursorParam.optional(),
});
