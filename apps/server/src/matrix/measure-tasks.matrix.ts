import { randomUUID } from 'node:crypto';
import { createAppointments, createTasksForAppointment } from '@throughline/domain';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import { type MatrixContext, type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';

let episodeId = '';
let appointmentId = '';
let phq9Task = '';
let gad7Task = '';

const PHQ9 = [1, 1, 1, 1, 1, 1, 1, 1, 0];
const GAD7 = [1, 1, 1, 1, 1, 1, 1];

/** Measurement plans (therapist) and the client's questionnaire tasks (portal). */
export const matrix: ModuleMatrix = {
  name: 'measure-tasks',
  setup: async ({ h, now }: MatrixContext) => {
    const { therapist, client } = h.cast;
    episodeId = (await openEpisodeFor(h.services, therapist, client)).id;
    const asTherapist = actingAs(h.services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    });
    const start = DateTime.fromJSDate(now(), { zone: 'Europe/London' })
      .plus({ days: 60 })
      .set({ hour: 8, minute: 0 })
      .toFormat("yyyy-MM-dd'T'HH:mm");
    const created = await createAppointments(asTherapist, {
      episodeId,
      start,
      timeZone: 'Europe/London',
    });
    appointmentId = created.appointments[0]?.id ?? '';
    const tasks = await createTasksForAppointment(asTherapist, appointmentId);
    phq9Task = tasks.tasks.find((t) => t.instrument === 'phq-9')?.id ?? '';
    gad7Task = tasks.tasks.find((t) => t.instrument === 'gad-7')?.id ?? '';
  },
  rows: () => ROWS,
};

const ROWS: MatrixRow[] = [
  //                                          anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/episodes/:id/measurement-plan',
    url: () => `/api/v1/episodes/${episodeId}/measurement-plan`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/measurement-plan',
    note: 'an episode that does not exist',
    url: () => `/api/v1/episodes/${randomUUID()}/measurement-plan`,
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'PUT /api/v1/episodes/:id/measurement-plan',
    url: () => `/api/v1/episodes/${episodeId}/measurement-plan`,
    body: () => ({
      items: [
        { instrument: 'phq-9', schedule: 'before-every-session', active: true },
        { instrument: 'gad-7', schedule: 'before-every-session', active: true },
        { instrument: 'core-10', schedule: 'every-n-sessions', everyN: 4, active: false },
      ],
    }),
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/measure-tasks',
    url: () => `/api/v1/episodes/${episodeId}/measure-tasks`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/measure-tasks',
    url: () => `/api/v1/episodes/${episodeId}/measure-tasks`,
    body: () => ({ instrument: 'session-feedback' }),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/measure-tasks',
    note: 'an episode that does not exist',
    url: () => `/api/v1/episodes/${randomUUID()}/measure-tasks`,
    body: () => ({ instrument: 'session-feedback' }),
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/appointments/:id/measure-tasks',
    url: () => `/api/v1/appointments/${appointmentId}/measure-tasks`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/portal/measure-tasks',
    expect: statuses(401, 200, 200, 404, 404, 404, 404, 404),
  },
  {
    route: 'PUT /api/v1/portal/measure-tasks/:id/progress',
    url: () => `/api/v1/portal/measure-tasks/${gad7Task}/progress`,
    body: () => ({ answers: [1, null, null, null, null, null, null] }),
    expect: statuses(401, 200, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/portal/measure-tasks/:id/submit',
    url: () => `/api/v1/portal/measure-tasks/${phq9Task}/submit`,
    body: () => ({ answers: PHQ9 }),
    last: 'client',
    expect: statuses(401, 200, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/portal/measure-tasks/:id/submit',
    note: 'a task that does not exist',
    url: () => `/api/v1/portal/measure-tasks/${randomUUID()}/submit`,
    body: () => ({ answers: GAD7 }),
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
];
