import { z } from 'zod';
import { modalitySchema } from './appointments';
import { safeContactChangesSchema, safeContactSchema } from './clients';
import { timeZoneSchema } from './common';

// The client's portal home and their contact preferences.

export const portalSessionSchema = z.object({
  id: z.uuid(),
  startsAt: z.date(),
  endsAt: z.date(),
  localStart: z.string().describe("Local start in the client's time zone, ISO 8601"),
  timeZone: z.string(),
  modality: modalitySchema,
});
export type PortalSession = z.output<typeof portalSessionSchema>;

export const HOMEWORK_STATUSES = ['assigned', 'done'] as const;

export const portalHomeworkSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  instructions: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(HOMEWORK_STATUSES),
  link: z.string().nullable(),
  attachment: z.object({ id: z.uuid(), fileName: z.string() }).nullable(),
  clientComment: z.string().nullable(),
});
export type PortalHomework = z.output<typeof portalHomeworkSchema>;

export const portalPreferencesSchema = z.object({
  timeZone: z.string(),
  safeContact: safeContactSchema,
});
export type PortalPreferences = z.output<typeof portalPreferencesSchema>;

export const portalHomeSchema = z.object({
  displayName: z.string(),
  preferredName: z
    .string()
    .nullable()
    .describe('The name the client asked to be called; the portal greets them by it'),
  practiceName: z.string(),
  therapist: z.object({ displayName: z.string() }).nullable(),
  nextSessions: z.array(portalSessionSchema),
  homework: z.array(portalHomeworkSchema),
  preferences: portalPreferencesSchema,
});
export type PortalHome = z.output<typeof portalHomeSchema>;

export const portalPreferencesBody = z.strictObject({
  timeZone: timeZoneSchema.optional(),
  safeContact: safeContactChangesSchema.optional(),
});
export type PortalPreferencesChanges = z.input<typeof portalPreferencesBody>;
