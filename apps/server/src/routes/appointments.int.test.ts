import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoss, createQueues, jobQueueFor } from '../jobs/queue';
import { addClient, insertEpisode, setClientZone } from '../testing/appointments-fixtures';
import { type Caller, createHarness, type Harness } from '../testing/harness';
import { signInOnClock, testClock } from '../testing/sign-in';

let h: Harness;
let app: FastifyInstance;
let boss: PgBoss;
const clock = testClock(Date.parse('2026-03-01T12:00:00Z'));
const callers = {} as Record<
  'therapist' | 'otherTherapist' | 'client' | 'otherClient' | 'admin',
  Caller
>;
let episodeId = '';
let secondEpisodeId = '';
let closedEpisodeId = '';

const count = async (where: string): Promise<number> => {
  const r = await h.database.pool.query(`SELECT count(*)::int AS n FROM ${where}`);
  return r.rows[0].n;
};

beforeAll(async () => {
  h = await createHarness();
  app = h.app;
  h.services.now = clock.now;
  boss = createBoss(h.database.pool, { supervise: false });
  await boss.start();
  await createQueues(boss);
  h.services.jobs = jobQueueFor(boss);
  for (const who of ['therapist', 'otherTherapist', 'client', 'otherClient', 'admin'] as const) {
    callers[who] = await signInOnClock(app, clock, h.cast[who]);
  }
  clock.set(Date.parse('2026-03-01T12:00:00Z'));
  const { client, therapist } = h.cast;
  episodeId = await insertEpisode(h, {
    clientId: client.clientId ?? '',
    therapist,
    title: 'CONFIDENTIAL-TITLE',
  });
  secondEpisodeId = await insertEpisode(h, {
    clientId: await addClient(h, therapist, 'Robin Second'),
    therapist,
  });
  closedEpisodeId = await insertEpisode(h, {
    clientId: await addClient(h, therapist, 'Casey Closed'),
    therapist,
    phase: 'closed',
  });
  await setClientZone(h, client.clientId ?? '', 'America/New_York');
});
afterAll(async () => {
  await boss?.stop({ graceful: false, close: false });
  await h?.close();
});

const book = (caller: Caller, body: object, episode = episodeId) =>
  caller.request({
    method: 'POST',
    url: `/api/v1/episodes/${episode}/appointments`,
    payload: body,
  });
const patch = (caller: Caller, id: string, body: object) =>
  caller.request({ method: 'PATCH', url: `/api/v1/appointments/${id}`, payload: body });

describe('booking', () => {
  it('books a single future session in the practice zone, with a reminder job 24 h before', async () => {
    const response = await book(callers.therapist, {
      start: '2026-03-03T09:00',
      modality: 'video',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.series).toBeNull();
    const [appt] = body.appointments;
    expect(appt).toMatchObject({
      startsAt: '2026-03-03T09:00:00.000Z',
      timeZone: 'Europe/London',
      localStart: '2026-03-03T09:00',
      durationMinutes: 50,
      status: 'scheduled',
      reminderScheduled: true,
    });
    const jobs = await h.database.pool.query(
      `SELECT state, start_after, singleton_key FROM pgboss.job WHERE name = 'appointment-reminder' AND singleton_key = $1`,
      [appt.id],
    );
    expect(jobs.rows).toHaveLength(1);
    expect(new Date(jobs.rows[0].start_after).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('records a past session without a reminder', async () => {
    const response = await book(callers.therapist, {
      start: '2026-02-10T09:00',
      durationMinutes: 60,
    });
    expect(response.statusCode).toBe(201);
    const [appt] = response.json().appointments;
    expect(appt.reminderScheduled).toBe(false);
    expect(await count(`pgboss.job WHERE singleton_key = '${appt.id}'`)).toBe(0);
  });

  it('books a weekly series that keeps 10:00 London time across the March change', async () => {
    const response = await book(callers.therapist, {
      start: '2026-03-17T10:00',
      timeZone: 'Europe/London',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4' },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.capped).toBeUndefined();
    expect(body.series).toMatchObject({
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      timeZone: 'Europe/London',
    });
    expect(body.appointments.map((a: { startsAt: string }) => a.startsAt)).toEqual([
      '2026-03-17T10:00:00.000Z',
      '2026-03-24T10:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
      '2026-04-07T09:00:00.000Z',
    ]);
    expect(
      new Set(body.appointments.map((a: { localStart: string }) => a.localStart.slice(11))),
    ).toEqual(new Set(['10:00']));
    // The client, in New York, sees the same sessions in their zone (US DST starts 8 March).
    const listed = await callers.client.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/appointments?from=2026-03-16T00:00:00Z&to=2026-04-08T00:00:00Z`,
    });
    expect(listed.statusCode).toBe(200);
    expect(
      listed
        .json()
        .items.map((a: { localStart: string; timeZone: string }) => [a.timeZone, a.localStart]),
    ).toEqual([
      ['America/New_York', '2026-03-17T06:00'],
      ['America/New_York', '2026-03-24T06:00'],
      ['America/New_York', '2026-03-31T05:00'],
      ['America/New_York', '2026-04-07T05:00'],
    ]);
  });

  it('caps an open-ended rule and says so', async () => {
    const response = await book(
      callers.therapist,
      { start: '2026-06-01T15:00', durationMinutes: 45, recurrence: { rrule: 'FREQ=MONTHLY' } },
      secondEpisodeId,
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().capped).toBe(true);
    expect(response.json().message).toMatch(/a year/);
    expect(response.json().appointments).toHaveLength(12); // 1 June 2026 to 1 May 2027
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const before = await count('appointments');
    for (const [body, path] of [
      [{ start: '2026-04-01T10:00', recurrence: { rrule: 'FREQ=SOMETIMES' } }, 'recurrence.rrule'],
      [
        { start: '2026-04-01T10:00', recurrence: { rrule: 'FREQ=HOURLY;COUNT=3' } },
        'recurrence.rrule',
      ],
      [{ start: '2026-04-01T10:00', end: '2026-04-01T09:00' }, 'end'],
      [{ start: '2026-04-01T10:00', durationMinutes: 0 }, 'body.durationMinutes'],
      [{ start: '2026-04-01 10:00' }, 'body.start'],
      [{ start: '2026-04-01T10:00', timeZone: 'Mars/Olympus' }, 'timeZone'],
    ] as const) {
      const response = await book(callers.therapist, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors?.[0]?.path).toBe(path);
    }
    expect(await count('appointments')).toBe(before);
  });

  it("refuses an overlap with the therapist's session in another episode, naming its time", async () => {
    const before = await count('appointments');
    const response = await book(
      callers.therapist,
      {
        start: '2026-03-17T09:30',
        durationMinutes: 60,
        recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' },
      },
      secondEpisodeId,
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('APPOINTMENT_CONFLICT');
    expect(response.json().detail).toContain('2026-03-17 10:00');
    expect(await count('appointments')).toBe(before);
    expect(await count('appointment_series')).toBe(2);
  });

  it('refuses a closed episode (409) and anyone but its therapist (404)', async () => {
    const closed = await book(callers.therapist, { start: '2026-04-01T10:00' }, closedEpisodeId);
    expect(closed.statusCode).toBe(409);
    for (const who of ['otherTherapist', 'admin'] as const) {
      expect((await book(callers[who], { start: '2026-05-01T10:00' })).statusCode).toBe(404);
    }
    expect((await book(callers.client, { start: '2026-05-01T10:00' })).statusCode).toBe(404);
  });
});

describe('reading', () => {
  it('lets the therapist and the client read, and no one else', async () => {
    const list = (c: Caller) =>
      c.request({ method: 'GET', url: `/api/v1/episodes/${episodeId}/appointments` });
    const own = await list(callers.therapist);
    expect(own.statusCode).toBe(200);
    const id = own.json().items[0].id;
    for (const who of ['otherTherapist', 'otherClient', 'admin'] as const) {
      expect((await list(callers[who])).statusCode).toBe(404);
      expect(
        (await callers[who].request({ method: 'GET', url: `/api/v1/appointments/${id}` }))
          .statusCode,
      ).toBe(404);
    }
    const asClient = await callers.client.request({
      method: 'GET',
      url: `/api/v1/appointments/${id}`,
    });
    expect(asClient.json()).toMatchObject({ timeZone: 'America/New_York' });
  });

  it("shows the client's upcoming sessions across episodes in the portal", async () => {
    const response = await callers.client.request({
      method: 'GET',
      url: '/api/v1/portal/appointments',
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items[0]).toMatchObject({
      localStart: '2026-03-03T04:00',
      timeZone: 'America/New_York',
    });
    expect(
      items.every(
        (a: { status: string; startsAt: string }) =>
          a.status === 'scheduled' && a.startsAt > '2026-03-01',
      ),
    ).toBe(true);
    expect(
      (await callers.therapist.request({ method: 'GET', url: '/api/v1/portal/appointments' }))
        .statusCode,
    ).toBe(403);
  });
});

async function sessions(
  from: string,
  to: string,
): Promise<
  {
    id: string;
    startsAt: string;
    localStart: string;
    seriesId: string | null;
    status: string;
    reminderScheduled: boolean;
  }[]
> {
  const response = await callers.therapist.request({
    method: 'GET',
    url: `/api/v1/episodes/${episodeId}/appointments?from=${from}&to=${to}`,
  });
  return response.json().items;
}

describe('changes', () => {
  it('refuses attended/no-show before the session, allows it after, once', async () => {
    const [future] = await sessions('2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
    const early = await patch(callers.therapist, future?.id ?? '', { status: 'attended' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/has not started yet/);
    const [past] = await sessions('2026-02-10T00:00:00Z', '2026-02-11T00:00:00Z');
    const done = await patch(callers.therapist, past?.id ?? '', { status: 'attended' });
    expect(done.statusCode).toBe(200);
    expect(done.json().appointment.status).toBe('attended');
    expect((await patch(callers.therapist, past?.id ?? '', { status: 'no-show' })).statusCode).toBe(
      409,
    );
    expect((await patch(callers.client, past?.id ?? '', { status: 'no-show' })).statusCode).toBe(
      403,
    );
  });

  it('lets the client cancel only their own session, late when under 24 h, and cancels the reminder', async () => {
    // 20 hours ahead of the test clock.
    const booked = await book(callers.therapist, { start: '2026-03-02T08:00' });
    const id = booked.json().appointments[0].id;
    expect((await patch(callers.otherClient, id, { status: 'cancelled' })).statusCode).toBe(404);
    expect(
      (await patch(callers.client, id, { start: '2026-03-05T10:00', scope: 'this' })).statusCode,
    ).toBe(403);
    expect(
      (await patch(callers.client, id, { status: 'cancelled', scope: 'following' })).statusCode,
    ).toBe(403);
    const response = await patch(callers.client, id, { status: 'cancelled' });
    expect(response.statusCode).toBe(200);
    expect(response.json().appointment).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'client',
      lateCancellation: true,
    });
    const job = await h.database.pool.query(
      `SELECT state FROM pgboss.job WHERE singleton_key = $1`,
      [id],
    );
    expect(job.rows.map((r) => r.state)).toEqual(['cancelled']);
    expect((await patch(callers.client, id, { status: 'cancelled' })).statusCode).toBe(409);
  });

  it('moves "this one" out of its series and refuses a move onto another session', async () => {
    const series = await sessions('2026-03-17T00:00:00Z', '2026-04-08T00:00:00Z');
    const second = series[1];
    const clash = await patch(callers.therapist, second?.id ?? '', {
      start: '2026-03-31T10:30',
      scope: 'this',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toContain('2026-03-31 10:00');
    const moved = await patch(callers.therapist, second?.id ?? '', {
      start: '2026-03-26T14:00',
      scope: 'this',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().appointment).toMatchObject({
      seriesId: null,
      startsAt: '2026-03-26T14:00:00.000Z',
      localStart: '2026-03-26T14:00',
    });
    const after = await sessions('2026-03-17T00:00:00Z', '2026-04-08T00:00:00Z');
    expect(after.filter((a) => a.seriesId === series[0]?.seriesId)).toHaveLength(3);
  });

  it('moves "all following" across the DST change into a new series with the same rule', async () => {
    const created = await book(
      callers.therapist,
      {
        start: '2026-03-10T13:00',
        timeZone: 'Europe/London',
        recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' },
      },
      secondEpisodeId,
    );
    expect(created.statusCode).toBe(201);
    const original = created.json().appointments as { id: string; startsAt: string }[];
    const third = original[2]; // 2026-03-24, before the clocks change on 29 March
    const response = await patch(callers.therapist, third?.id ?? '', {
      start: '2026-03-25T15:00',
      scope: 'following',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.series).toMatchObject({
      rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=4',
      startLocal: '2026-03-25T15:00',
    });
    expect(body.appointment.id).toBe(third?.id);
    expect(
      body.appointments.map((a: { startsAt: string; localStart: string }) => [
        a.startsAt,
        a.localStart,
      ]),
    ).toEqual([
      ['2026-03-25T15:00:00.000Z', '2026-03-25T15:00'],
      ['2026-04-01T14:00:00.000Z', '2026-04-01T15:00'],
      ['2026-04-08T14:00:00.000Z', '2026-04-08T15:00'],
      ['2026-04-15T14:00:00.000Z', '2026-04-15T15:00'],
    ]);
    const old = await h.database.pool.query(
      'SELECT ended_at FROM appointment_series WHERE id = (SELECT series_id FROM appointments WHERE id = $1)',
      [original[0]?.id],
    );
    expect(new Date(old.rows[0].ended_at).toISOString()).toBe('2026-03-24T13:00:00.000Z');
    expect(
      await count(
        `appointments WHERE id IN (${original
          .slice(3)
          .map((a) => `'${a.id}'`)
          .join(',')})`,
      ),
    ).toBe(0);
    // The earlier two stay in the old series; their reminders are untouched, the removed ones cancelled.
    const states = await h.database.pool.query(
      `SELECT state, count(*)::int AS n FROM pgboss.job WHERE singleton_key = ANY($1) GROUP BY state`,
      [original.slice(3).map((a) => a.id)],
    );
    expect(states.rows).toEqual([{ state: 'cancelled', n: 3 }]);
  });

  it('cancels all following for the therapist and ends the series', async () => {
    const created = await book(
      callers.therapist,
      {
        start: '2026-05-04T16:00',
        recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4' },
      },
      secondEpisodeId,
    );
    const appts = created.json().appointments as { id: string }[];
    const response = await patch(callers.therapist, appts[1]?.id ?? '', {
      status: 'cancelled',
      scope: 'following',
    });
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .appointments.map(
          (a: { status: string; cancelledBy: string; lateCancellation: boolean }) => [
            a.status,
            a.cancelledBy,
            a.lateCancellation,
          ],
        ),
    ).toEqual([
      ['cancelled', 'therapist', false],
      ['cancelled', 'therapist', false],
      ['cancelled', 'therapist', false],
    ]);
  });
});
