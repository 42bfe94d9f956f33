import { errors, problemSchema, uuidParam } from '@throughline/contracts';
import {
  createAppointments,
  getAppointment,
  listEpisodeAppointments,
  listPortalAppointments,
  updateAppointment,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use a local date and time, YYYY-MM-DDTHH:mm.');
const modality = z.enum(['in-person', 'video', 'phone']);
const duration = z.number().int().min(15).max(240);
const scope = z.enum(['this', 'following']);
const kind = z
  .enum(['treatment', 'assessment'])
  .describe('An assessment session does not count towards finished treatment (outcome)');

const appointment = z.object({
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
  status: z.enum(['scheduled', 'attended', 'cancelled', 'no-show']),
  modality,
  location: z.string().nullable(),
  kind,
  cancelledBy: z.enum(['client', 'therapist']).nullable(),
  cancelledAt: z.date().nullable(),
  lateCancellation: z.boolean().nullable(),
  reminderScheduled: z.boolean(),
});

const series = z.object({
  id: z.uuid(),
  rrule: z.string(),
  startLocal: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  endedAt: z.date().nullable(),
});

const conflict = {
  409: problemSchema.describe('Overlaps another session, or the state forbids it'),
};

export const appointmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/episodes/:id/appointments',
    {
      config: { policy: 'appointment.create' },
      schema: {
        tags: ['appointments'],
        summary: 'Book a session or a recurring series (RRULE) for an episode',
        description:
          'The start is a local wall-clock time in `timeZone` (default: the practice zone); a series keeps that local time across daylight-saving changes. A rule without COUNT or UNTIL books at most a year or 60 sessions and the answer says `capped`. Sessions in the past may be recorded and get no reminder.',
        params: uuidParam,
        body: z.strictObject({
          start: localDateTime,
          end: localDateTime.optional().describe('Instead of durationMinutes'),
          timeZone: z.string().min(1).max(64).optional(),
          durationMinutes: duration.optional().describe('15–240, default 50'),
          modality: modality.default('in-person'),
          location: z.string().trim().max(200).nullable().optional(),
          kind: kind.default('treatment'),
          recurrence: z.strictObject({ rrule: z.string().max(500) }).optional(),
        }),
        response: {
          201: z.object({
            series: series.nullable(),
            appointments: z.array(appointment),
            capped: z.literal(true).optional(),
            message: z.string().optional(),
          }),
          ...errors,
          ...conflict,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createAppointments(request.ctx, { episodeId: request.params.id, ...request.body }),
        ),
  );

  app.get(
    '/api/v1/episodes/:id/appointments',
    {
      config: { policy: 'appointment.list' },
      schema: {
        tags: ['appointments'],
        summary: "An episode's sessions (its therapist or its client), oldest first",
        params: uuidParam,
        querystring: z.strictObject({
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: z.object({ items: z.array(appointment) }), ...errors },
      },
    },
    async (request) => ({
      items: await listEpisodeAppointments(request.ctx, {
        episodeId: request.params.id,
        from: request.query.from ? new Date(request.query.from) : undefined,
        to: request.query.to ? new Date(request.query.to) : undefined,
      }),
    }),
  );

  app.get(
    '/api/v1/appointments/:id',
    {
      config: { policy: 'appointment.read' },
      schema: {
        tags: ['appointments'],
        summary: 'One session, in the caller’s time zone',
        params: uuidParam,
        response: { 200: appointment, ...errors },
      },
    },
    async (request) => getAppointment(request.ctx, request.params.id),
  );

  app.patch(
    '/api/v1/appointments/:id',
    {
      config: { policy: 'appointment.update' },
      schema: {
        tags: ['appointments'],
        summary: 'Record attended / no-show, cancel, or move a session (this one or all following)',
        description:
          'A client may only cancel one of their own scheduled sessions (`{"status":"cancelled"}`); less than 24 hours ahead it is a late cancellation. Attended and no-show are refused before the session starts.',
        params: uuidParam,
        body: z.union([
          z.strictObject({ status: z.enum(['attended', 'no-show']) }),
          z.strictObject({
            status: z.literal('cancelled'),
            cancelledBy: z.enum(['client', 'therapist']).optional(),
            scope: scope.optional(),
          }),
          z.strictObject({ start: localDateTime, durationMinutes: duration.optional(), scope }),
          z.strictObject({ kind }),
        ]),
        response: {
          200: z.object({
            appointment,
            appointments: z.array(appointment),
            series: series.nullable(),
            capped: z.literal(true).optional(),
          }),
          ...errors,
          ...conflict,
        },
      },
    },
    async (request) => updateAppointment(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/v1/portal/appointments',
    {
      config: { policy: 'portal.read' },
      schema: {
        tags: ['portal'],
        summary: "The client's upcoming sessions across their episodes, in their time zone",
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ items: z.array(appointment) }), ...errors },
      },
    },
    async (request) => ({ items: await listPortalAppointments(request.ctx, request.query) }),
  );
};
