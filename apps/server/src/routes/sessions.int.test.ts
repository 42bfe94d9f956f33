import { inviteClient, recordResponse } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../operator';
import { insertEpisode } from '../testing/appointments-fixtures';
import { type Caller, createHarness, type Harness } from '../testing/harness';
import { signInOnClock, testClock } from '../testing/sign-in';

// The session page's reads and "Write the note" (issue 9, item 4).

let h: Harness;
let app: FastifyInstance;
const clock = testClock(Date.parse('2026-03-03T12:00:00Z'));
const callers = {} as Record<'therapist' | 'otherTherapist' | 'client', Caller>;
let episodeId = '';
const sessions = { earlier: '', today: '', later: '', cancelled: '', failing: '' };

const asTherapist = () =>
  actingAs(h.services, {
    id: h.cast.therapist.userId,
    practiceId: h.cast.therapist.practiceId,
    role: 'therapist',
  });

async function book(start: string): Promise<string> {
  const response = await callers.therapist.request({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/appointments`,
    payload: { start, durationMinutes: 50, timeZone: 'Europe/London' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointments[0].id;
}

const startNote = (caller: Caller, id: string) =>
  caller.request({
    method: 'POST',
    url: `/api/v1/appointments/${id}/notes`,
    payload: { template: 'music-therapy' },
  });

async function statusOf(id: string): Promise<string> {
  const r = await h.services.db.execute<{ status: string }>(
    sql`SELECT status FROM appointments WHERE id = ${id}::uuid`,
  );
  return r.rows[0]?.status ?? 'missing';
}

async function notesOf(id: string): Promise<number> {
  const r = await h.services.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM notes WHERE appointment_id = ${id}::uuid`,
  );
  return r.rows[0]?.n ?? -1;
}

async function lastAudit(action: string, userId: string) {
  const r = await h.services.db.execute<{
    outcome: string;
    resource_type: string;
    resource_id: string | null;
    detail: Record<string, unknown>;
  }>(sql`SELECT outcome, resource_type, resource_id, detail FROM audit_events
      WHERE action = ${action} AND actor_user_id = ${userId}::uuid ORDER BY id DESC LIMIT 1`);
  return r.rows[0];
}

beforeAll(async () => {
  h = await createHarness();
  app = h.app;
  h.services.now = clock.now;
  for (const who of ['therapist', 'otherTherapist', 'client'] as const) {
    callers[who] = await signInOnClock(app, clock, h.cast[who]);
  }
  clock.set(Date.parse('2026-03-03T12:00:00Z'));
  const client = await inviteClient(asTherapist(), {
    displayName: 'Jordan Page',
    email: 'jordan.page@test.example',
    preferredName: 'Jo',
    pronouns: 'she/her',
  });
  episodeId = await insertEpisode(h, { clientId: client.id, therapist: h.cast.therapist });
  sessions.earlier = await book('2026-02-24T10:00');
  sessions.today = await book('2026-03-03T10:00');
  sessions.later = await book('2026-03-03T16:00');
  sessions.cancelled = await book('2026-02-26T10:00');
  sessions.failing = await book('2026-03-02T10:00');
  const cancel = await callers.therapist.request({
    method: 'PATCH',
    url: `/api/v1/appointments/${sessions.cancelled}`,
    payload: { status: 'cancelled', cancelledBy: 'client' },
  });
  expect(cancel.statusCode, cancel.body).toBe(200);
  // A paper form entered for the session, one on its day naming no session, one the day before.
  const ctx = asTherapist();
  await recordResponse(ctx, {
    episodeId,
    instrument: 'gad-7',
    answers: [1, 1, 1, 1, 1, 1, 1],
    appointmentId: sessions.today,
    completedAt: new Date('2026-03-03T09:40:00Z'),
  });
  await recordResponse(ctx, {
    episodeId,
    instrument: 'phq-9',
    answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
    completedAt: new Date('2026-03-03T11:00:00Z'),
  });
  await recordResponse(ctx, {
    episodeId,
    instrument: 'phq-9',
    answers: [2, 2, 2, 1, 1, 1, 1, 1, 0],
    completedAt: new Date('2026-03-02T11:00:00Z'),
  });
});
afterAll(async () => h?.close());

describe('GET /api/v1/appointments/:id/session', () => {
  it("answers the therapist the session, its client by name and pronouns, and that day's questionnaires; audited", async () => {
    const response = await callers.therapist.request({
      method: 'GET',
      url: `/api/v1/appointments/${sessions.today}/session`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.client).toMatchObject({
      displayName: 'Jordan Page',
      preferredName: 'Jo',
      pronouns: 'she/her',
    });
    expect(body.episode).toMatchObject({ id: episodeId, title: 'Music therapy' });
    expect(body.appointment).toMatchObject({
      id: sessions.today,
      status: 'scheduled',
      timeZone: 'Europe/London',
      localStart: '2026-03-03T10:00',
    });
    expect(body.notes).toEqual([]);
    expect(
      body.measures.map((m: { instrument: string; linked: string; total: number }) => [
        m.instrument,
        m.linked,
        m.total,
      ]),
    ).toEqual([
      ['gad-7', 'session', 7],
      ['phq-9', 'same-day', 8],
    ]);
    expect(body.measures[0].title).toMatch(/GAD-7/);
    const audit = await lastAudit('session.read', h.cast.therapist.userId);
    expect(audit).toMatchObject({
      outcome: 'success',
      resource_type: 'appointment',
      resource_id: sessions.today,
      detail: { notes: 0, measures: 2 },
    });
  });

  it("is 404 for another therapist's session and for the client, audited as denied", async () => {
    for (const who of ['otherTherapist', 'client'] as const) {
      const response = await callers[who].request({
        method: 'GET',
        url: `/api/v1/appointments/${sessions.today}/session`,
      });
      expect(response.statusCode, who).toBe(404);
      expect(String(response.headers['content-type'])).toContain('application/problem+json');
      expect(response.json().detail).toMatch(/^No (session|record) with that id was found\.$/);
    }
    const denied = await lastAudit('session.read', h.cast.otherTherapist.userId);
    expect(denied).toMatchObject({ outcome: 'denied', resource_id: sessions.today });
    expect(JSON.stringify(denied)).not.toContain('Jordan');
  });
});

describe('POST /api/v1/appointments/:id/notes (Write the note)', () => {
  it('marks a begun session attended and starts its note in one step; a second call opens the same note', async () => {
    const first = await startNote(callers.therapist, sessions.today);
    expect(first.statusCode, first.body).toBe(201);
    const started = first.json();
    expect(started).toMatchObject({
      markedAttended: true,
      created: true,
      appointment: { id: sessions.today, status: 'attended' },
      note: {
        appointmentId: sessions.today,
        episodeId,
        template: 'music-therapy',
        status: 'draft',
      },
    });
    expect(await statusOf(sessions.today)).toBe('attended');
    const audit = await lastAudit('session.note.start', h.cast.therapist.userId);
    expect(audit).toMatchObject({
      outcome: 'success',
      resource_type: 'note',
      resource_id: started.note.id,
      detail: { appointmentId: sessions.today, markedAttended: true, created: true },
    });

    const again = await startNote(callers.therapist, sessions.today);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      created: false,
      markedAttended: false,
      note: { id: started.note.id },
    });
    expect(await notesOf(sessions.today)).toBe(1);

    const page = await callers.therapist.request({
      method: 'GET',
      url: `/api/v1/appointments/${sessions.today}/session`,
    });
    expect(page.json().notes).toMatchObject([
      {
        id: started.note.id,
        status: 'draft',
        session: { startsAt: '2026-03-03T10:00:00.000Z', timeZone: 'Europe/London' },
      },
    ]);
  });

  it('refuses a session that has not begun or was cancelled, changing nothing', async () => {
    const later = await startNote(callers.therapist, sessions.later);
    expect(later.statusCode).toBe(409);
    expect(later.json()).toMatchObject({ code: 'APPOINTMENT_STATE_INVALID' });
    expect(later.json().detail).toMatch(/has not begun yet \(it starts 2026-03-03 16:00/);
    const cancelled = await startNote(callers.therapist, sessions.cancelled);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().detail).toMatch(/was cancelled/);
    expect(await statusOf(sessions.later)).toBe('scheduled');
    expect(await notesOf(sessions.later)).toBe(0);
    expect(await notesOf(sessions.cancelled)).toBe(0);
    expect(await lastAudit('session.note.start', h.cast.therapist.userId)).toMatchObject({
      outcome: 'failure',
      detail: { reason: 'APPOINTMENT_STATE_INVALID' },
    });
  });

  it('leaves the session scheduled when the note cannot be written (one transaction)', async () => {
    // The database refuses the note after the attendance was written in the same transaction.
    await h.database.pool.query(`
      CREATE FUNCTION refuse_note_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'note refused for the test'; END $$;
      CREATE TRIGGER refuse_note_for_test BEFORE INSERT ON notes
        FOR EACH ROW EXECUTE FUNCTION refuse_note_for_test();`);
    try {
      const response = await startNote(callers.therapist, sessions.failing);
      expect(response.statusCode).toBe(500);
    } finally {
      await h.database.pool.query(`
        DROP TRIGGER refuse_note_for_test ON notes;
        DROP FUNCTION refuse_note_for_test();`);
    }
    expect(await statusOf(sessions.failing)).toBe('scheduled');
    expect(await notesOf(sessions.failing)).toBe(0);
    const retry = await startNote(callers.therapist, sessions.failing);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(await statusOf(sessions.failing)).toBe('attended');
  });

  it("is 404 for another therapist's session and for the client, and changes nothing", async () => {
    for (const who of ['otherTherapist', 'client'] as const) {
      const response = await startNote(callers[who], sessions.earlier);
      expect(response.statusCode, who).toBe(404);
    }
    expect(await statusOf(sessions.earlier)).toBe('scheduled');
    expect(await notesOf(sessions.earlier)).toBe(0);
    expect(await lastAudit('session.note.start', h.cast.otherTherapist.userId)).toMatchObject({
      outcome: 'denied',
    });
  });
});

describe('GET /api/v1/episodes/:id/notes', () => {
  it('lists notes by their session date, newest first; a note without a session by its own date', async () => {
    await startNote(callers.therapist, sessions.earlier);
    clock.set(Date.parse('2026-03-03T12:20:00Z'));
    const loose = await callers.therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/notes`,
      payload: { template: 'soap', body: {} },
    });
    expect(loose.statusCode, loose.body).toBe(201);
    const response = await callers.therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/notes`,
    });
    expect(response.statusCode).toBe(200);
    const items: { appointmentId: string | null; session: { startsAt: string } | null }[] =
      response.json().items;
    expect(items.map((n) => [n.appointmentId, n.session?.startsAt ?? null])).toEqual([
      [null, null],
      [sessions.today, '2026-03-03T10:00:00.000Z'],
      [sessions.failing, '2026-03-02T10:00:00.000Z'],
      [sessions.earlier, '2026-02-24T10:00:00.000Z'],
    ]);
  });
});
