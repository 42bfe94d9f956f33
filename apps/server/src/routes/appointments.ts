import {
  appointmentChangeBody,
  appointmentChangedSchema,
  appointmentSchema,
  appointmentsCreatedSchema,
  createAppointmentsBody,
  errors,
  itemsSchema,
  listAppointmentsQuery,
  portalAppointmentsQuery,
  problemSchema,
  sessionDetailSchema,
  sessionNoteStartedSchema,
  startSessionNoteRequest,
  uuidParam,
} from '@throughline/contracts';
import {
  createAppointments,
  getAppointment,
  listEpisodeAppointments,
  listPortalAppointments,
  readSession,
  startSessionNote,
  updateAppointment,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

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
        body: createAppointmentsBody,
        response: {
          201: appointmentsCreatedSchema,
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
        querystring: listAppointmentsQuery,
        response: { 200: itemsSchema(appointmentSchema), ...errors },
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
        response: { 200: appointmentSchema, ...errors },
      },
    },
    async (request) => getAppointment(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/appointments/:id/session',
    {
      config: { policy: 'session.read' },
      schema: {
        tags: ['appointments'],
        summary:
          "One session's page: its client, its notes and its questionnaires (therapist only)",
        description:
          'Times are in the therapist’s zone. Measures are those completed for this session (`linked: "session"`) and those naming no session completed on its day in that zone (`"same-day"`); scores only, never answers.',
        params: uuidParam,
        response: { 200: sessionDetailSchema, ...errors },
      },
    },
    async (request) => readSession(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/appointments/:id/notes',
    {
      config: { policy: 'session.note.start' },
      schema: {
        tags: ['appointments', 'notes'],
        summary:
          "Write the session's note: mark a begun, still-scheduled session attended and start its draft, in one step",
        description:
          'One transaction: either the session is marked attended and the draft exists, or nothing changed. When the session already has a note, that note answers (200, `created: false`). A cancelled session, or one that has not begun, is 409 `APPOINTMENT_STATE_INVALID`.',
        params: uuidParam,
        body: startSessionNoteRequest,
        response: {
          200: sessionNoteStartedSchema,
          201: sessionNoteStartedSchema,
          ...errors,
          ...conflict,
        },
      },
    },
    async (request, reply) => {
      const started = await startSessionNote(request.ctx, request.params.id, request.body);
      return reply.code(started.created ? 201 : 200).send(started);
    },
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
        body: appointmentChangeBody,
        response: {
          200: appointmentChangedSchema,
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
        querystring: portalAppointmentsQuery,
        response: { 200: itemsSchema(appointmentSchema), ...errors },
      },
    },
    async (request) => ({ items: await listPortalAppointments(request.ctx, request.query) }),
  );
};
