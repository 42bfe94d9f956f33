import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClient, insertEpisode } from '../testing/appointments-fixtures';
import { type Caller, createHarness, type Harness } from '../testing/harness';
import { signInOnClock, type TestClock, testClock } from '../testing/sign-in';

// The ending plan agreed by both (issue 11) through the API, on a controlled clock: Thursday
// 1 October 2026 in London (the practice's zone), three weeks before the clocks go back.
let h: Harness;
let clock: TestClock;
const KEYS = ['therapist', 'client', 'otherTherapist', 'otherClient'] as const;
const who = {} as Record<(typeof KEYS)[number], Caller>;
const NOW = '2026-10-01T12:00:00Z';

beforeAll(async () => {
  h = await createHarness();
  clock = testClock();
  h.services.now = clock.now;
  clock.set(Date.parse(NOW) - 5 * 31_000);
  for (const key of KEYS) who[key] = await signInOnClock(h.app, clock, h.cast[key]);
  clock.set(Date.parse(NOW));
});
afterAll(async () => h?.close());

const plan = (over: Record<string, unknown> = {}) => ({
  lastSessionOn: '2026-12-15',
  taper: [
    { from: '2026-10-20', cadence: 'fortnightly' },
    { from: '2026-11-17', cadence: 'monthly' },
  ],
  sessionsToTalkAboutEnding: 3,
  relapsePrevention: { warningSigns: ['Lying awake'], whatHelps: ['The wind-down playlist'] },
  closingSession: 'Record the song we wrote.',
  checkIns: [{ afterMonths: 1 }, { afterMonths: 3 }, { afterMonths: 6 }],
  ...over,
});

const url = (id: string, path = '') => `/api/v1/episodes/${id}/ending-plan${path}`;
const propose = (c: Caller, id: string, payload: Record<string, unknown> = plan()) =>
  c.request({ method: 'POST', url: url(id), payload });
const accept = (c: Caller, id: string, version: number) =>
  c.request({ method: 'POST', url: url(id, '/accept'), payload: { version } });
const read = (c: Caller, id: string) => c.request({ method: 'GET', url: url(id) });
const move = (id: string, to: string) =>
  who.therapist.request({
    method: 'POST',
    url: `/api/v1/episodes/${id}/phase`,
    payload: { to, reason: `Moving to ${to}.` },
  });

function problem(r: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  const body = r.json();
  expect(body.code).toBe(code);
  return body;
}

/** A new active episode of the cast's therapist and client (the one before is closed first). */
async function activeEpisode(): Promise<string> {
  await h.services.db.execute(
    sql`UPDATE episodes SET phase = 'closed', closed_at = now()
        WHERE client_id = ${h.cast.client.clientId}::uuid AND phase <> 'closed'`,
  );
  const opened = await who.therapist.request({
    method: 'POST',
    url: '/api/v1/episodes',
    payload: { clientId: h.cast.client.clientId, title: 'Music therapy', reason: 'Referral.' },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const id = opened.json().id;
  expect((await move(id, 'active')).statusCode).toBe(200);
  return id;
}

async function phaseOf(id: string): Promise<{ phase: string; changes: number }> {
  const r = await h.services.db.execute<{ phase: string; changes: number }>(
    sql`SELECT phase, (SELECT count(*)::int FROM episode_phase_changes c WHERE c.episode_id = e.id)
          AS changes FROM episodes e WHERE id = ${id}::uuid`,
  );
  const row = r.rows[0];
  if (!row) throw new Error('no episode');
  return row;
}

async function versionCount(id: string): Promise<number> {
  const r = await h.services.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM agreement_versions v JOIN agreements a
          ON a.practice_id = v.practice_id AND a.id = v.agreement_id
        WHERE a.episode_id = ${id}::uuid AND a.kind = 'ending-plan'`,
  );
  return r.rows[0]?.n ?? 0;
}

describe('proposing an ending plan', () => {
  it('is a 404 to read before one is proposed; either party proposes; others get 404', async () => {
    const id = await activeEpisode();
    problem(await read(who.client, id), 404, 'NOT_FOUND');
    problem(await propose(who.otherTherapist, id), 404, 'NOT_FOUND');
    problem(await propose(who.otherClient, id), 404, 'NOT_FOUND');
    const r = await propose(who.client, id);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      episodeId: id,
      version: 1,
      state: 'proposed',
      proposedBy: 'client',
      terms: {
        lastSessionOn: '2026-12-15',
        checkIns: [{ afterMonths: 1 }, { afterMonths: 3 }, { afterMonths: 6 }],
      },
      parties: [
        { party: 'client', response: 'accepted', respondedAt: NOW.replace('Z', '.000Z') },
        { party: 'therapist', response: 'pending', respondedAt: null },
      ],
      agreedVersion: null,
    });
    const seen = await read(who.therapist, id);
    expect(seen.json().terms.relapsePrevention.whatHelps).toEqual(['The wind-down playlist']);
    problem(await read(who.otherTherapist, id), 404, 'NOT_FOUND');
    // The terms are sealed at rest: no clinical words in the stored row.
    const raw = await h.services.db.execute<{ content: string }>(
      sql`SELECT content FROM agreement_versions ORDER BY proposed_at DESC LIMIT 1`,
    );
    expect(raw.rows[0]?.content).not.toMatch(/wind-down/);
  });

  it('refuses dates in the past, a taper outside today … last session, and bad check-ins (400, field named, nothing written)', async () => {
    const id = await activeEpisode();
    const cases: [Record<string, unknown>, string][] = [
      [{ lastSessionOn: '2026-09-30' }, 'lastSessionOn'],
      [{ lastSessionOn: '2026-02-30' }, 'lastSessionOn'],
      [{ taper: [{ from: '2026-09-29', cadence: 'weekly' }] }, 'taper.0.from'],
      [{ taper: [{ from: '2026-12-16', cadence: 'weekly' }] }, 'taper.0.from'],
      [
        {
          taper: [
            { from: '2026-11-10', cadence: 'weekly' },
            { from: '2026-11-03', cadence: 'monthly' },
          ],
        },
        'taper.1.from',
      ],
      [{ taper: [{ from: '2026-11-10', cadence: 'daily' }] }, 'taper.0.cadence'],
      [{ checkIns: [{ afterMonths: 0 }] }, 'checkIns.0.afterMonths'],
      [{ checkIns: [{ afterMonths: 25 }] }, 'checkIns.0.afterMonths'],
      [{ checkIns: [{ afterMonths: 3 }, { afterMonths: 3 }] }, 'checkIns'],
    ];
    for (const [over, field] of cases) {
      const body = problem(await propose(who.therapist, id, plan(over)), 400, 'VALIDATION_FAILED');
      const paths = (body.errors as { path: string }[]).map((i) => i.path.replace(/^body\./, ''));
      expect(paths, JSON.stringify(over)).toContain(field);
    }
    expect(await versionCount(id)).toBe(0);
    // Today is allowed (not in the past).
    expect(
      (await propose(who.therapist, id, plan({ lastSessionOn: '2026-10-01', taper: [] })))
        .statusCode,
    ).toBe(201);
  });

  it('is refused on a closed episode (409 naming the phase)', async () => {
    const id = await activeEpisode();
    await h.services.db.execute(sql`UPDATE episodes SET phase = 'closed' WHERE id = ${id}::uuid`);
    const body = problem(await propose(who.therapist, id), 409, 'EPISODE_PHASE_FORBIDS');
    expect(body.detail).toMatch(/closed; an ending plan cannot be proposed/);
    problem(await propose(who.client, id), 409, 'EPISODE_PHASE_FORBIDS');
    expect(await versionCount(id)).toBe(0);
  });
});

describe('the two-party rule', () => {
  it('moves to ending only when the second party accepts the same version', async () => {
    const id = await activeEpisode();
    expect((await propose(who.therapist, id)).json().version).toBe(1);
    // The proposer accepting their own version again changes nothing: one side is not both.
    expect((await accept(who.therapist, id, 1)).statusCode).toBe(200);
    expect((await phaseOf(id)).phase).toBe('active');
    // The client proposes a change; version 1 can no longer be accepted.
    const v2 = await propose(who.client, id, plan({ closingSession: 'A letter to myself.' }));
    expect(v2.json()).toMatchObject({ version: 2, proposedBy: 'client' });
    const before = await phaseOf(id);
    problem(await accept(who.client, id, 1), 409, 'AGREEMENT_VERSION_SUPERSEDED');
    problem(await accept(who.therapist, id, 1), 409, 'AGREEMENT_VERSION_SUPERSEDED');
    problem(await accept(who.therapist, id, 7), 404, 'NOT_FOUND');
    problem(await accept(who.otherTherapist, id, 2), 404, 'NOT_FOUND');
    expect((await accept(who.client, id, 2)).statusCode).toBe(200);
    expect(await phaseOf(id)).toEqual(before);

    clock.advance(60_000);
    const agreed = await accept(who.therapist, id, 2);
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json()).toMatchObject({
      version: 2,
      state: 'accepted',
      agreedVersion: 2,
      acceptedAt: clock.now().toISOString(),
      terms: { closingSession: 'A letter to myself.' },
    });
    expect(
      agreed.json().history.map((v: { version: number; state: string }) => [v.version, v.state]),
    ).toEqual([
      [2, 'accepted'],
      [1, 'superseded'],
    ]);
    expect(await phaseOf(id)).toEqual({ phase: 'ending', changes: before.changes + 1 });
    const episode = await who.therapist.request({ method: 'GET', url: `/api/v1/episodes/${id}` });
    expect(episode.json().phaseHistory.at(-1)).toMatchObject({
      from: 'active',
      to: 'ending',
      changedBy: { id: h.cast.therapist.userId },
      reason: 'Ending plan version 2 agreed by both.',
    });
    // Accepting again is idempotent and moves nothing more.
    expect((await accept(who.client, id, 2)).statusCode).toBe(200);
    expect((await phaseOf(id)).changes).toBe(before.changes + 1);
    // The client reads the same record of who agreed to what and when.
    const seen = await read(who.client, id);
    expect(seen.json().parties.every((p: { response: string }) => p.response === 'accepted')).toBe(
      true,
    );
  });

  it('a bare move to ending is refused (409 naming the rule) until a plan is agreed; nothing written', async () => {
    const id = await activeEpisode();
    const before = await phaseOf(id);
    const body = problem(await move(id, 'ending'), 409, 'ENDING_PLAN_NOT_AGREED');
    expect(body.detail).toMatch(/Propose an ending plan/);
    expect(await propose(who.therapist, id)).toHaveProperty('statusCode', 201);
    problem(await move(id, 'ending'), 409, 'ENDING_PLAN_NOT_AGREED');
    expect(await phaseOf(id)).toEqual(before);
    // Agreed by both: ending; paused back to active; then ending again by the phase route.
    expect((await accept(who.client, id, 1)).statusCode).toBe(200);
    expect((await phaseOf(id)).phase).toBe('ending');
    expect((await move(id, 'active')).statusCode).toBe(200);
    expect((await move(id, 'ending')).statusCode).toBe(200);
  });
});

type Appt = {
  id: string;
  localStart: string;
  status: string;
  cancelledBecause: string | null;
  reminderScheduled: boolean;
  startsAt: string;
};

async function sessions(id: string): Promise<Appt[]> {
  const r = await who.therapist.request({
    method: 'GET',
    url: `/api/v1/episodes/${id}/appointments`,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items;
}

describe('the taper', () => {
  it('rewrites future sessions only: past untouched, kept days kept, the rest cancelled, missing days booked, nothing after the last session', async () => {
    const id = await activeEpisode();
    // Weekly on Tuesdays at 10:00 London from 8 September, ten sessions (to 10 November).
    const booked = await who.therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${id}/appointments`,
      payload: {
        start: '2026-09-08T10:00',
        timeZone: 'Europe/London',
        durationMinutes: 50,
        recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10' },
      },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const single = await who.therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${id}/appointments`,
      payload: { start: '2027-01-12T15:00', timeZone: 'Europe/London', durationMinutes: 50 },
    });
    expect(single.statusCode, single.body).toBe(201);
    const first = (await sessions(id))[0];
    await who.therapist.request({
      method: 'PATCH',
      url: `/api/v1/appointments/${first?.id}`,
      payload: { status: 'attended' },
    });
    const before = await sessions(id);

    expect((await propose(who.therapist, id)).statusCode).toBe(201);
    expect((await accept(who.client, id, 1)).statusCode).toBe(200);

    const after = await sessions(id);
    const past = before.filter((s) => Date.parse(s.startsAt) <= clock.ms());
    for (const p of past) expect(after.find((a) => a.id === p.id)).toEqual(p);
    const shown = after
      .filter((a) => Date.parse(a.startsAt) > clock.ms())
      .map((a) => [a.localStart, a.status, a.cancelledBecause]);
    expect(shown).toEqual([
      ['2026-10-06T10:00', 'scheduled', null], // before the first step: the cadence goes on
      ['2026-10-13T10:00', 'scheduled', null],
      ['2026-10-20T10:00', 'scheduled', null], // fortnightly from 20 October
      ['2026-10-27T10:00', 'cancelled', 'ending-plan'],
      ['2026-11-03T10:00', 'scheduled', null],
      ['2026-11-10T10:00', 'cancelled', 'ending-plan'],
      ['2026-11-17T10:00', 'scheduled', null], // monthly (3rd Tuesday) from 17 November: booked
      ['2026-12-15T10:00', 'scheduled', null], // the last session
      ['2027-01-12T15:00', 'cancelled', 'ending-plan'], // after the last session
    ]);
    // 10:00 in London on both sides of the clocks going back (25 October).
    const utc = (local: string) => after.find((a) => a.localStart === local)?.startsAt;
    expect(utc('2026-10-20T10:00')).toBe('2026-10-20T09:00:00.000Z');
    expect(utc('2026-11-17T10:00')).toBe('2026-11-17T10:00:00.000Z');
    for (const a of after.filter((x) => x.status === 'cancelled'))
      expect(a.reminderScheduled).toBe(false);
  });

  it('refuses an acceptance whose taper would book over another session of the therapist; nothing changes', async () => {
    const id = await activeEpisode();
    // Wednesdays at 10:00; the taper would book 21 October, 4 and 18 November and 16 December.
    const series = await who.therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${id}/appointments`,
      payload: {
        start: '2026-10-07T10:00',
        timeZone: 'Europe/London',
        durationMinutes: 50,
        recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=2' },
      },
    });
    expect(series.statusCode, series.body).toBe(201);
    // Another client's session at the time the taper would book on 18 November.
    const theirs = await insertEpisode(h, {
      clientId: await addClient(h, h.cast.therapist, 'Clash Client'),
      therapist: h.cast.therapist,
    });
    const clash = await who.therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${theirs}/appointments`,
      payload: { start: '2026-11-18T10:00', timeZone: 'Europe/London', durationMinutes: 50 },
    });
    expect(clash.statusCode, clash.body).toBe(201);
    expect(
      (await propose(who.therapist, id, plan({ lastSessionOn: '2026-12-16' }))).statusCode,
    ).toBe(201);
    const before = { phase: await phaseOf(id), sessions: await sessions(id) };
    const body = problem(await accept(who.client, id, 1), 409, 'APPOINTMENT_CONFLICT');
    expect(body.detail).toMatch(/taper/);
    expect({ phase: await phaseOf(id), sessions: await sessions(id) }).toEqual(before);
    expect(
      (await read(who.client, id))
        .json()
        .parties.find((p: { party: string }) => p.party === 'client').response,
    ).toBe('pending');
  });
});
