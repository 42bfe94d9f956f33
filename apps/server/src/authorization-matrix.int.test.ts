import { isAction, POLICY } from '@throughline/domain';
import { episodes } from '@throughline/domain/schema';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { addClient, insertEpisode } from './testing/appointments-fixtures';
import { anonymous, type Caller, createHarness, type Harness } from './testing/harness';
import {
  ACTORS,
  type ActorKey,
  type MatrixRow,
  type ModuleMatrix,
  type Outcome,
  RELATION_STATES,
} from './testing/matrix';
import { buildRelations, type RelationFixture, STATE_OF } from './testing/relations';
import { signInOnClock, testClock } from './testing/sign-in';

// Every module's rows; the foundation's run last because they enrol two-factor and sign out.
const modules = Object.values(
  import.meta.glob<{ matrix: ModuleMatrix }>('./matrix/*.matrix.ts', { eager: true }),
)
  .map((m) => m.matrix)
  .sort((a, b) => Number(a.name === 'foundation') - Number(b.name === 'foundation'));

let h: Harness;
let app: FastifyInstance;
const clock = testClock();
const served = new Set<string>();
/** The POLICY action each served route declares (`config.policy`). */
const policyOf = new Map<string, string>();
const callers = {} as Record<ActorKey, Caller>;

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
  app = await buildApp({
    services: h.services,
    authRateLimit: 10_000,
    onRoute: (route) => {
      for (const m of [route.method].flat()) {
        if (route.url.startsWith('/api/v1/') && m !== 'HEAD') {
          served.add(`${m} ${route.url}`);
          const policy = (route.config as { policy?: string } | undefined)?.policy;
          if (policy) policyOf.set(`${m} ${route.url}`, policy);
        }
      }
    },
  });
  callers.anonymous = anonymous(app);
  for (const who of ACTORS) {
    if (who !== 'anonymous') callers[who] = await signInOnClock(app, clock, h.cast[who]);
  }
  for (const m of modules) await m.setup?.({ h, now: clock.now });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

/**
 * Phase refusals: an action the caller may perform on their episode, but not in its phase, is a
 * 409 naming the phase (`EPISODE_PHASE_FORBIDS`), audited as a failure; someone else's episode
 * stays a 404 whatever its phase, so the phase never leaks. Phases are declared per action in
 * POLICY (packages/domain/src/access/policy.ts). They run before the matrix, whose foundation rows
 * end the callers' sessions.
 */
describe('phase refusals (closed episode)', () => {
  const ids = { closed: '', clientsClosed: '', note: '', goal: '', appointment: '' };
  let noteVersion = 0;

  beforeAll(async () => {
    const therapist = h.cast.therapist;
    // Built while active through the API, then closed: the records of a finished episode.
    const clientId = await addClient(h, therapist, 'Phase Matrix');
    ids.closed = await insertEpisode(h, { clientId, therapist });
    const t = callers.therapist;
    const note = await t.request({
      method: 'POST',
      url: `/api/v1/episodes/${ids.closed}/notes`,
      payload: { template: 'soap', body: {} },
    });
    expect(note.statusCode, note.body).toBe(201);
    ids.note = note.json().id;
    noteVersion = note.json().version;
    const goal = await t.request({
      method: 'POST',
      url: `/api/v1/episodes/${ids.closed}/goals`,
      payload: {
        clientWords: 'Sleep better',
        therapistWords: 'Sleep onset under 30 minutes',
        objectives: ['Wind-down playlist'],
        gasLevels: { '-2': 'a', '-1': 'b', '0': 'c', '+1': 'd', '+2': 'e' },
      },
    });
    expect(goal.statusCode, goal.body).toBe(201);
    ids.goal = goal.json().id;
    const booked = await t.request({
      method: 'POST',
      url: `/api/v1/episodes/${ids.closed}/appointments`,
      payload: { start: '2031-03-04T10:00', durationMinutes: 50 },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    ids.appointment = booked.json().appointments[0].id;
    await h.services.db
      .update(episodes)
      .set({ phase: 'closed', closedAt: clock.now() })
      .where(eq(episodes.id, ids.closed));
    // A closed episode of the cast client, for what the client does themself.
    ids.clientsClosed = await insertEpisode(h, {
      clientId: h.cast.client.clientId ?? '',
      therapist,
      phase: 'closed',
    });
  });

  type PhaseRow = {
    action: string;
    who: 'therapist' | 'client';
    method: HTTPMethods;
    url: () => string;
    body: () => unknown;
    /** The words the 409 uses for what cannot be done. */
    deed: RegExp;
  };
  const rows: PhaseRow[] = [
    {
      action: 'note.create',
      who: 'therapist',
      method: 'POST',
      url: () => `/api/v1/episodes/${ids.closed}/notes`,
      body: () => ({ template: 'birp', body: {} }),
      deed: /notes cannot be written/,
    },
    {
      action: 'note.update',
      who: 'therapist',
      method: 'PATCH',
      url: () => `/api/v1/notes/${ids.note}`,
      body: () => ({ version: noteVersion, body: { subjective: 'late edit' } }),
      deed: /notes cannot be edited/,
    },
    {
      action: 'note.sign',
      who: 'therapist',
      method: 'POST',
      url: () => `/api/v1/notes/${ids.note}/sign`,
      body: () => ({ version: noteVersion }),
      deed: /notes cannot be signed/,
    },
    {
      action: 'session.note.start',
      who: 'therapist',
      method: 'POST',
      url: () => `/api/v1/appointments/${ids.appointment}/notes`,
      body: () => ({ template: 'music-therapy' }),
      deed: /notes cannot be written/,
    },
    {
      action: 'psychotherapy-note.create',
      who: 'therapist',
      method: 'POST',
      url: () => `/api/v1/episodes/${ids.closed}/psychotherapy-notes`,
      body: () => ({ body: 'A late process note.' }),
      deed: /psychotherapy notes cannot be written/,
    },
    {
      action: 'response.create',
      who: 'client',
      method: 'POST',
      url: () => `/api/v1/episodes/${ids.clientsClosed}/responses`,
      body: () => ({ instrument: 'gad-7', answers: [1, 1, 1, 1, 1, 1, 1] }),
      deed: /questionnaires cannot be recorded/,
    },
    {
      action: 'goal.create',
      who: 'therapist',
      method: 'POST',
      url: () => `/api/v1/episodes/${ids.closed}/goals`,
      body: () => ({
        clientWords: 'Later goal',
        therapistWords: 'Later goal',
        objectives: [],
        gasLevels: { '-2': 'a', '-1': 'b', '0': 'c', '+1': 'd', '+2': 'e' },
      }),
      deed: /goals cannot be added/,
    },
    {
      action: 'goal.update',
      who: 'therapist',
      method: 'PATCH',
      url: () => `/api/v1/goals/${ids.goal}`,
      body: () => ({ weight: 2 }),
      deed: /goals cannot be changed/,
    },
    {
      action: 'appointment.create',
      who: 'therapist',
      method: 'POST',
      url: () => `/api/v1/episodes/${ids.closed}/appointments`,
      body: () => ({ start: '2031-03-11T10:00', durationMinutes: 50 }),
      deed: /sessions cannot be booked/,
    },
    {
      action: 'measure-task.create',
      who: 'therapist',
      method: 'POST',
      url: () => `/api/v1/appointments/${ids.appointment}/measure-tasks`,
      body: () => ({}),
      deed: /questionnaires cannot be sent/,
    },
    {
      action: 'ending-plan.propose',
      who: 'therapist',
      method: 'POST',
      url: () => `/api/v1/episodes/${ids.closed}/ending-plan`,
      body: () => ({ lastSessionOn: '2031-06-30', checkIns: [{ afterMonths: 3 }] }),
      deed: /an ending plan cannot be proposed/,
    },
    {
      action: 'ending-plan.accept',
      who: 'client',
      method: 'POST',
      url: () => `/api/v1/episodes/${ids.clientsClosed}/ending-plan/accept`,
      body: () => ({ version: 1 }),
      deed: /an ending plan cannot be accepted/,
    },
  ];

  for (const row of rows) {
    it(`${row.who}: ${row.action} in a closed episode is 409 naming the phase; not-yours stays 404`, async () => {
      const request = { method: row.method, url: row.url(), payload: row.body() as object };
      const response = await callers[row.who].request(request);
      expect(response.statusCode, response.body).toBe(409);
      expect(String(response.headers['content-type'])).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code).toBe('EPISODE_PHASE_FORBIDS');
      expect(problem.detail).toMatch(/^This episode is closed; /);
      expect(problem.detail).toMatch(row.deed);
      expect(problem.detail).toMatch(/new episode/);

      const events = await h.services.db.execute<{ outcome: string; detail: unknown }>(
        sql`SELECT outcome, detail FROM audit_events
            WHERE action = ${row.action} AND actor_user_id = ${h.cast[row.who].userId}::uuid
            ORDER BY occurred_at DESC LIMIT 1`,
      );
      expect(events.rows[0]).toMatchObject({
        outcome: 'failure',
        detail: { reason: 'EPISODE_PHASE_FORBIDS', phase: 'closed' },
      });

      const other = row.who === 'therapist' ? 'otherTherapist' : 'otherClient';
      const hidden = await callers[other].request(request);
      expect(hidden.statusCode, hidden.body).toBe(404);
    });
  }

  it("a therapist may still key in the client's paper form after closure", async () => {
    const response = await callers.therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${ids.closed}/responses`,
      payload: { instrument: 'gad-7', answers: [1, 1, 1, 1, 1, 1, 1] },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().response.onBehalf).toBe(true);
  });

  it('reads stay open in a closed episode: the record is still the record', async () => {
    for (const url of [
      `/api/v1/episodes/${ids.closed}/notes`,
      `/api/v1/notes/${ids.note}`,
      `/api/v1/episodes/${ids.closed}/goals`,
      `/api/v1/episodes/${ids.closed}/appointments`,
    ]) {
      const response = await callers.therapist.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
    }
  });
});

/**
 * Relations (issue 10): for every route that touches an episode, the outcome for a supervisor
 * with, without and after withdrawing consent, and a designee before, during and after cover (and
 * in the dates of a cancelled cover) — each module's `relations` table, on episodes of their own
 * (testing/relations.ts). One test per state, in order, the clock moved forward to the state's
 * moment: before the cover starts, inside it, then at its end (exclusive), with no job run.
 */
describe('relations: supervisors and designees', () => {
  let fixture: RelationFixture;
  const tables = modules.flatMap((m) =>
    (m.relations?.() ?? []).map((row) => ({
      label: `${m.name}: ${row.route}${row.note ? ` (${row.note})` : ''}`,
      row,
    })),
  );

  beforeAll(async () => {
    fixture = await buildRelations(h, clock.ms());
  });

  it('has a row for every route on a record whose policy admits a supervisor or a designee', () => {
    expect(new Set(tables.map((t) => t.label)).size).toBe(tables.length);
    const related = new Set<string>(tables.map((t) => t.row.route));
    const admitting = [...served].filter((route) => {
      const action = policyOf.get(route);
      if (!route.includes('/:') || !action || !isAction(action)) return false;
      // Not a client's record: the caller's own API token; scoring a form (nothing stored); a
      // practice's own questionnaire (practice configuration).
      if (
        /^token\./.test(action) ||
        action === 'instrument.score' ||
        action === 'practice-instrument.read'
      )
        return false;
      const rule: { who: string | readonly string[] } = POLICY[action];
      return (
        typeof rule.who !== 'string' && rule.who.some((w) => w === 'supervisor' || w === 'designee')
      );
    });
    expect(admitting.length).toBeGreaterThan(10);
    expect(admitting.filter((route) => !related.has(route))).toEqual([]);
  });

  for (const state of RELATION_STATES) {
    it(state, async () => {
      const { who, kit: key, at } = STATE_OF[state];
      if (at === 'during') clock.set(Math.max(clock.ms(), fixture.cover.startsAt + 60_000));
      if (at === 'after') clock.set(Math.max(clock.ms(), fixture.cover.endsAt));
      const kit = fixture.kits[key];
      const actual: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      const notProblems: string[] = [];
      for (const { label, row } of tables) {
        const method = row.route.split(' ')[0] as HTTPMethods;
        const raw = row.raw?.();
        const body = row.body?.(kit);
        const response = await callers[who].request({
          method,
          url: row.url(kit),
          ...(raw ? { payload: raw.payload, headers: raw.headers } : {}),
          ...(body !== undefined ? { payload: body as object } : {}),
        });
        const status = response.statusCode;
        actual[label] =
          status === 200 && row.lists
            ? row.lists(response.json(), kit)
              ? 'listed'
              : 'unlisted'
            : status;
        expected[label] = row.expect[state];
        if (
          status >= 400 &&
          !String(response.headers['content-type']).includes('application/problem+json')
        )
          notProblems.push(label);
      }
      expect(actual).toEqual(expected);
      expect(notProblems).toEqual([]);
    });
  }
});

describe('authorization matrix', () => {
  it('has a row for every /api/v1 route the app serves, and none for routes it does not', () => {
    expect(served.size).toBeGreaterThan(0);
    const covered = new Set(modules.flatMap((m) => m.rows().map((r) => r.route)));
    expect([...served].filter((r) => !covered.has(r as MatrixRow['route']))).toEqual([]);
    expect([...covered].filter((r) => !served.has(r))).toEqual([]);
    const related = modules.flatMap((m) => (m.relations?.() ?? []).map((r) => r.route));
    expect(related.filter((r) => !served.has(r))).toEqual([]);
  });

  for (const m of modules) {
    for (const row of m.rows()) {
      it(`${m.name}: ${row.route}${row.note ? ` (${row.note})` : ''}`, async () => {
        const order = row.last ? [...ACTORS.filter((a) => a !== row.last), row.last] : ACTORS;
        const actual = {} as Record<ActorKey, number>;
        const notProblems: string[] = [];
        const [method, path] = row.route.split(' ') as [HTTPMethods, string];
        for (const who of order) {
          const raw = row.raw?.(who);
          const body = row.body ? await row.body(who) : undefined;
          const response = await callers[who].request({
            method,
            url: row.url ? row.url(who) : path,
            ...(raw ? { payload: raw.payload, headers: raw.headers } : {}),
            ...(body !== undefined ? { payload: body as object } : {}),
          });
          actual[who] = response.statusCode;
          const type = String(response.headers['content-type']);
          if (response.statusCode >= 400 && !type.includes('application/problem+json')) {
            notProblems.push(who);
          }
          row.after?.(who, response);
        }
        if (row.endsSessions) {
          for (const who of ACTORS)
            if (who !== 'anonymous') callers[who] = await signInOnClock(app, clock, h.cast[who]);
        }
        expect(actual).toEqual(row.expect);
        expect(notProblems).toEqual([]);
      });
    }
  }
});
