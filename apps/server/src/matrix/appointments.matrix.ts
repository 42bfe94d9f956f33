import { randomUUID } from 'node:crypto';
import { createAppointments, issueCalendarFeed } from '@throughline/domain';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import { type MatrixContext, type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';

let ctx: MatrixContext;
let episodeId = '';
/** A session the client cancels (asked of everyone but the therapist). */
let clientsSessionId = '';
/** A session the therapist cancels. */
let therapistsSessionId = '';
let feedToken = '';
/** A session that has begun, still marked scheduled: "Write the note" marks it attended. */
let begunSessionId = '';

/** Local start N days ahead of the matrix clock, at a given hour, in the practice zone. */
const ahead = (days: number, hour: number): string =>
  DateTime.fromJSDate(ctx.now(), { zone: 'Europe/London' })
    .plus({ days })
    .set({ hour, minute: 0 })
    .toFormat("yyyy-MM-dd'T'HH:mm");

/** Appointments, recurrence and calendar feeds. */
export const matrix: ModuleMatrix = {
  name: 'appointments',
  setup: async (context) => {
    ctx = context;
    const { h } = context;
    const { therapist, client } = h.cast;
    episodeId = (await openEpisodeFor(h.services, therapist, client)).id;
    const asTherapist = actingAs(h.services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    });
    const created = await createAppointments(asTherapist, {
      episodeId,
      start: ahead(40, 7),
      timeZone: 'Europe/London',
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' },
    });
    [clientsSessionId, therapistsSessionId] = created.appointments.map((a) => a.id) as [
      string,
      string,
    ];
    const begun = await createAppointments(asTherapist, {
      episodeId,
      start: ahead(-3, 7),
      timeZone: 'Europe/London',
    });
    begunSessionId = begun.appointments[0]?.id ?? '';
    const asClient = actingAs(h.services, {
      id: client.userId,
      practiceId: client.practiceId,
      role: 'client',
    });
    feedToken =
      (await issueCalendarFeed(asClient)).url
        .split('/')
        .at(-1)
        ?.replace(/\.ics$/, '') ?? '';
  },
  rows: () => ROWS,
};

const ROWS: MatrixRow[] = [
  //                                          anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'POST /api/v1/episodes/:id/appointments',
    url: () => `/api/v1/episodes/${episodeId}/appointments`,
    body: () => ({ start: ahead(41, 7), durationMinutes: 50, modality: 'video' }),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/appointments',
    url: () => `/api/v1/episodes/${episodeId}/appointments`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/appointments',
    note: 'an episode that does not exist',
    url: () => `/api/v1/episodes/${randomUUID()}/appointments`,
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/appointments/:id',
    url: () => `/api/v1/appointments/${clientsSessionId}`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/appointments/:id/session',
    note: "the session page: the therapist's, not the client's",
    url: () => `/api/v1/appointments/${clientsSessionId}/session`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/appointments/:id/session',
    note: 'a session that does not exist',
    url: () => `/api/v1/appointments/${randomUUID()}/session`,
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/appointments/:id/notes',
    note: 'write the note: marks the begun session attended, starts its draft',
    url: () => `/api/v1/appointments/${begunSessionId}/notes`,
    body: () => ({ template: 'music-therapy' }),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/appointments/:id/notes',
    note: 'a session that does not exist',
    url: () => `/api/v1/appointments/${randomUUID()}/notes`,
    body: () => ({ template: 'music-therapy' }),
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'PATCH /api/v1/appointments/:id',
    note: 'cancel: the client their own session, the therapist another',
    url: (who) =>
      `/api/v1/appointments/${who === 'therapist' ? therapistsSessionId : clientsSessionId}`,
    body: () => ({ status: 'cancelled' }),
    last: 'client',
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'PATCH /api/v1/appointments/:id',
    note: 'a session that does not exist',
    url: () => `/api/v1/appointments/${randomUUID()}`,
    body: () => ({ status: 'cancelled' }),
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/portal/appointments',
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
  {
    route: 'GET /api/v1/calendar/:token.ics',
    note: "the client's live feed (the token is the credential)",
    url: () => `/api/v1/calendar/${feedToken}.ics`,
    expect: statuses(200, 200, 200, 200, 200, 200, 200, 200),
  },
  {
    route: 'GET /api/v1/calendar/:token.ics',
    note: 'an unknown token',
    url: () => `/api/v1/calendar/${randomUUID()}${randomUUID()}.ics`,
    expect: statuses(404, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/calendar-feed',
    expect: statuses(401, 201, 201, 201, 201, 403, 403, 403),
  },
  {
    route: 'DELETE /api/v1/calendar-feed',
    expect: statuses(401, 204, 204, 204, 204, 403, 403, 403),
  },
];
