import { z } from 'zod';
import { limitParam } from './common';

// Sessions (appointments) and recurring series, in the caller's time zone.

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use a local date and time, YYYY-MM-DDTHH:mm.');
const duration = z.number().int().min(15).max(240);

export const MODALITIES = ['in-person', 'video', 'phone'] as const;
export type Modality = (typeof MODALITIES)[number];
export const modalitySchema = z.enum(MODALITIES);

export const SESSION_KINDS = ['treatment', 'assessment'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const sessionKindSchema = z
  .enum(SESSION_KINDS)
  .describe('An assessment session does not count towards finished treatment (outcome)');

export const APPOINTMENT_STATUSES = ['scheduled', 'attended', 'cancelled', 'no-show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const CANCELLED_BY = ['client', 'therapist'] as const;
const cancelledBy = z.enum(CANCELLED_BY);
const scope = z.enum(['this', 'following']);

export const appointmentSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  seriesId: z.uuid().nullable(),
  startsAt: z.date().describe('The instant, ISO 8601 in UTC'),
  endsAt: z.date(),
  durationMinutes: z.number().int(),
  timeZone: z
    .string()
    .describe("The therapist's zone for the therapist, the client's for the client"),
  localStart: z.string().describe('YYYY-MM-DDTHH:mm in timeZone'),
  localEnd: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  modality: modalitySchema,
  location: z.string().nullable(),
  kind: sessionKindSchema,
  cancelledBy: cancelledBy.nullable(),
  cancelledBecause: z
    .enum(['ending-plan'])
    .nullable()
    .describe('`ending-plan`: cancelled when the agreed ending plan rewrote the future sessions'),
  cancelledAt: z.date().nullable(),
  lateCancellation: z.boolean().nullable(),
  reminderScheduled: z.boolean(),
});
export type Appointment = z.output<typeof appointmentSchema>;

export const appointmentSeriesSchema = z.object({
  id: z.uuid(),
  rrule: z.string(),
  startLocal: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  endedAt: z.date().nullable(),
});
export type AppointmentSeries = z.output<typeof appointmentSeriesSchema>;

export const createAppointmentsBody = z.strictObject({
  start: localDateTime,
  end: localDateTime.optional().describe('Instead of durationMinutes'),
  timeZone: z.string().min(1).max(64).optional(),
  durationMinutes: duration.optional().describe('15–240, default 50'),
  modality: modalitySchema.default('in-person'),
  location: z.string().trim().max(200).nullable().optional(),
  kind: sessionKindSchema.default('treatment'),
  recurrence: z.strictObject({ rrule: z.string().max(500) }).optional(),
});
export type CreateAppointmentsInput = z.input<typeof createAppointmentsBody>;

export const appointmentsCreatedSchema = z.object({
  series: appointmentSeriesSchema.nullable(),
  appointments: z.array(appointmentSchema),
  capped: z.literal(true).optional(),
  message: z.string().optional(),
});
export type AppointmentsCreated = z.output<typeof appointmentsCreatedSchema>;

export const listAppointmentsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const appointmentChangeBody = z.union([
  z.strictObject({ status: z.enum(['attended', 'no-show']) }),
  z.strictObject({
    status: z.literal('cancelled'),
    cancelledBy: cancelledBy.optional(),
    scope: scope.optional(),
  }),
  z.strictObject({ start: localDateTime, durationMinutes: duration.optional(), scope }),
  z.strictObject({ kind: sessionKindSchema }),
]);
export type AppointmentChange = z.input<typeof appointmentChangeBody>;

export const appointmentChangedSchema = z.object({
  appointment: appointmentSchema,
  appointments: z.array(appointmentSchema),
  series: appointmentSeriesSchema.nullable(),
  capped: z.literal(true).optional(),
});
export type AppointmentChanged = z.output<typeof appointmentChangedSchema>;

export const portalAppointmentsQuery = z.strictObject({ limit: limitParam(100, 20) });
