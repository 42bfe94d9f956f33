import { notes } from '@throughline/domain/schema';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEpisode, setClientZone } from '../testing/appointments-fixtures';
import { anonymous, type Caller, createHarness, type Harness } from '../testing/harness';
import { signInOnClock, testClock } from '../testing/sign-in';

let h: Harness;
let app: FastifyInstance;
const clock = testClock(Date.parse('2026-03-01T12:00:00Z'));
let therapist: Caller;
let client: Caller;
let otherClient: Caller;

beforeAll(async () => {
  h = await createHarness();
  app = h.app;
  h.services.now = clock.now;
  therapist = await signInOnClock(app, clock, h.cast.therapist);
  client = await signInOnClock(app, clock, h.cast.client);
  otherClient = await signInOnClock(app, clock, h.cast.otherClient);
  await h.services.db.execute(
    (await import('drizzle-orm'))
      .sql`UPDATE clients SET preferred_name = 'Sammy' WHERE id = ${h.cast.client.clientId}`,
  );
  await setClientZone(h, h.cast.client.clientId ?? '', 'America/New_York');
  const episodeId = await insertEpisode(h, {
    clientId: h.cast.client.clientId ?? '',
    therapist: h.cast.therapist,
    title: 'CONFIDENTIAL-EPISODE-TITLE',
  });
  const booked = await therapist.request({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/appointments`,
    payload: {
      start: '2026-03-17T10:00',
      location: 'Room 2',
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' },
    },
  });
  expect(booked.statusCode).toBe(201);
  const [first, second] = booked.json().appointments;
  await h.services.db.insert(notes).values({
    practiceId: h.cast.therapist.practiceId,
    episodeId,
    appointmentId: first.id,
    authorId: h.cast.therapist.userId,
    template: 'soap',
    body: 'SECRET-NOTE-TEXT',
  });
  const cancelled = await client.request({
    method: 'PATCH',
    url: `/api/v1/appointments/${second.id}`,
    payload: { status: 'cancelled' },
  });
  expect(cancelled.statusCode).toBe(200);
});
afterAll(async () => h?.close());

async function issue(caller: Caller): Promise<string> {
  const response = await caller.request({ method: 'POST', url: '/api/v1/calendar-feed' });
  expect(response.statusCode).toBe(201);
  return new URL(response.json().url).pathname;
}

describe('calendar feeds', () => {
  it('tells each caller whether the screens offer a calendar feed, as the policy decides', async () => {
    const offered = async (caller: Caller): Promise<unknown> =>
      (await caller.request({ method: 'GET', url: '/api/v1/me' })).json().may.manageCalendarFeed;
    expect(await offered(therapist)).toBe(true);
    expect(await offered(client)).toBe(true);
    const admin = await signInOnClock(app, clock, h.cast.admin);
    const supervisor = await signInOnClock(app, clock, h.cast.supervisor);
    expect(await offered(admin)).toBe(false);
    expect(await offered(supervisor)).toBe(false);
    // And the policy behind it: a supervisor cannot create a feed.
    const refused = await supervisor.request({ method: 'POST', url: '/api/v1/calendar-feed' });
    expect(refused.statusCode).toBe(403);
  });

  it("serves the therapist's sessions with the client's name, in the practice zone, no clinical content", async () => {
    const path = await issue(therapist);
    const response = await anonymous(app).request({ method: 'GET', url: path });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = response.body;
    expect(ics).toContain('SUMMARY:Session — Sammy');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260317T100000');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260331T100000');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    for (const secret of ['SECRET-NOTE-TEXT', 'CONFIDENTIAL-EPISODE-TITLE', 'soap'])
      expect(ics).not.toContain(secret);
  });

  it("serves the client's sessions as 'Therapy session' in their zone", async () => {
    const path = await issue(client);
    const ics = (await anonymous(app).request({ method: 'GET', url: path })).body;
    expect(ics).toContain('SUMMARY:Therapy session');
    expect(ics).not.toContain('Sammy');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20260317T060000');
    expect(ics).not.toContain('SECRET-NOTE-TEXT');
    const other = await issue(otherClient);
    const empty = (await anonymous(app).request({ method: 'GET', url: other })).body;
    expect(empty).not.toContain('BEGIN:VEVENT');
  });

  it('revokes: a new URL replaces the old one, DELETE ends it, unknown tokens are 404', async () => {
    const first = await issue(client);
    const second = await issue(client);
    expect((await anonymous(app).request({ method: 'GET', url: first })).statusCode).toBe(404);
    expect((await anonymous(app).request({ method: 'GET', url: second })).statusCode).toBe(200);
    expect(
      (await client.request({ method: 'DELETE', url: '/api/v1/calendar-feed' })).statusCode,
    ).toBe(204);
    const gone = await anonymous(app).request({ method: 'GET', url: second });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toMatch(/problem\+json/);
    expect(
      (
        await anonymous(app).request({
          method: 'GET',
          url: '/api/v1/calendar/not-a-real-token-at-all-000000.ics',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await anonymous(app).request({ method: 'POST', url: '/api/v1/calendar-feed' })).statusCode,
    ).toBe(401);
  });
});
