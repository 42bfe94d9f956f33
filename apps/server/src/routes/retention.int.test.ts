import {
  createGoal,
  createNote,
  ERASED,
  KEPT,
  sealAuditEvents,
  updateClient,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { actingAs } from '../operator';
import { ENDINGS } from '../testing/endings';
import { type Caller, createHarness, type Harness } from '../testing/harness';
import { signInOnClock, testClock } from '../testing/sign-in';
import { clientWithEpisode, type TestClient } from '../testing/supervision';

/**
 * Retention (ETHICS.md): a closed episode's retention date, the administrator's review list and
 * destruction — refused before the date, then erasing the clinical content while the audit trail
 * (whose chain still verifies) and a tombstone stay. On a controlled clock.
 */
let h: Harness;
let app: FastifyInstance;
const clock = testClock(Date.parse('2026-03-10T12:00:00Z'));
const YEAR = 365.25 * 86_400_000;
let adult: TestClient;
let minor: TestClient;
const callers = {} as Record<'admin' | 'therapist', Caller>;

async function signInAll(): Promise<void> {
  callers.admin = await signInOnClock(app, clock, h.cast.admin);
  callers.therapist = await signInOnClock(app, clock, h.cast.therapist);
}
const therapistCtx = () =>
  actingAs(h.services, {
    id: h.cast.therapist.userId,
    practiceId: h.cast.therapist.practiceId,
    role: 'therapist',
  });
const due = async () => {
  const response = await callers.admin.request({ method: 'GET', url: '/api/v1/retention/due' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { episodeId: string; retainUntil: string; basis: string }[];
};
const destroy = (id: string, confirm: string, as: Caller = callers.admin) =>
  as.request({ method: 'POST', url: `/api/v1/episodes/${id}/destroy`, payload: { confirm } });
const count = async (table: string, episodeId: string) => {
  const r = await h.services.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE episode_id = ${episodeId}`,
  );
  return r.rows[0]?.n ?? 0;
};

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
  app = await buildApp({ services: h.services, authRateLimit: 10_000 });
  await signInAll();
  adult = await clientWithEpisode(h.services, h.cast.therapist, 'Ada Adult');
  minor = await clientWithEpisode(h.services, h.cast.therapist, 'Milo Minor');
  await updateClient(therapistCtx(), adult.clientId, { dateOfBirth: '1980-06-01' });
  // 12 at the ending: 18 on 2032-01-15, kept until 2035-01-15 (later than 2033-03-10).
  await updateClient(therapistCtx(), minor.clientId, { dateOfBirth: '2014-01-15' });
  for (const c of [adult, minor]) {
    await createNote(therapistCtx(), { episodeId: c.episodeId, template: 'soap', body: {} });
    await createGoal(therapistCtx(), c.episodeId, {
      clientWords: 'Sleep better',
      therapistWords: 'Sleep onset under 30 minutes',
      objectives: ['Wind-down playlist'],
      gasLevels: { '-2': 'a', '-1': 'b', '0': 'c', '+1': 'd', '+2': 'e' },
    });
    const closed = await callers.therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${c.episodeId}/ending`,
      payload: ENDINGS.transfer,
    });
    expect(closed.statusCode, closed.body).toBe(201);
  }
  return async () => {
    await app.close();
  };
});
afterAll(async () => h?.close());

describe('retention dates', () => {
  it('gives each closed episode its date: 7 years, or 3 after a minor turns 18', async () => {
    const read = async (id: string) =>
      (
        await callers.therapist.request({ method: 'GET', url: `/api/v1/episodes/${id}/ending` })
      ).json();
    expect((await read(adult.episodeId)).retainUntil).toBe('2033-03-10');
    expect((await read(minor.episodeId)).retainUntil).toBe('2035-01-15');
    expect(await due()).toEqual([]);
  });

  it('follows the practice settings, which only the administrator changes', async () => {
    const patch = (as: Caller, payload: object) =>
      as.request({ method: 'PATCH', url: '/api/v1/retention/settings', payload });
    expect((await patch(callers.therapist, { yearsAfterLastService: 10 })).statusCode).toBe(403);
    const changed = await patch(callers.admin, { yearsAfterLastService: 10 });
    expect(changed.json()).toEqual({
      yearsAfterLastService: 10,
      yearsAfterMajority: 3,
      ageOfMajority: 18,
    });
    const read = await callers.therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${adult.episodeId}/ending`,
    });
    expect(read.json().retainUntil).toBe('2036-03-10');
    expect((await patch(callers.admin, { yearsAfterLastService: 0 })).statusCode).toBe(400);
    expect((await patch(callers.admin, { yearsAfterLastService: 7 })).statusCode).toBe(200);
  });
});

describe('destruction', () => {
  it('decides for every table of an episode: erased or kept (a new table must choose)', async () => {
    const r = await h.services.db.execute<{ table_name: string }>(
      sql`SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'episode_id' ORDER BY table_name`,
    );
    const decided = new Set([...ERASED.map((e) => e.table), ...KEPT]);
    expect(r.rows.map((x) => x.table_name).filter((t) => !decided.has(t))).toEqual([]);
  });

  it('is refused before the retention date (409), changing nothing', async () => {
    const response = await destroy(adult.episodeId, 'Ada Adult');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'RETENTION_NOT_REACHED' });
    expect(response.json().detail).toContain('2033-03-10');
    expect(await count('notes', adult.episodeId)).toBe(1);
  });

  it('lists the adult as due after 7 years, not the minor', async () => {
    clock.advance(7 * YEAR + 86_400_000);
    await signInAll();
    const items = await due();
    expect(items.map((i) => i.episodeId)).toEqual([adult.episodeId]);
    expect(items[0]).toMatchObject({ retainUntil: '2033-03-10', basis: 'last-service' });
    expect((await destroy(minor.episodeId, 'Milo Minor')).statusCode).toBe(409);
  });

  it('needs the typed confirmation and the administrator', async () => {
    const wrong = await destroy(adult.episodeId, 'Ada');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('Ada Adult');
    expect((await destroy(adult.episodeId, 'Ada Adult', callers.therapist)).statusCode).toBe(404);
    expect(await count('notes', adult.episodeId)).toBe(1);
  });

  it('erases the content, keeps the audit trail and a tombstone, and the chain still verifies', async () => {
    await sealAuditEvents(h.services.db);
    const auditBefore = await auditCount(adult.episodeId);
    expect(auditBefore).toBeGreaterThan(3);
    const response = await destroy(adult.episodeId, 'Ada Adult');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      episodeId: adult.episodeId,
      destroyedBy: { id: h.cast.admin.userId, displayName: 'admin' },
      erased: { notes: 1, goals: 1 },
    });
    expect(await count('notes', adult.episodeId)).toBe(0);
    expect(await count('goals', adult.episodeId)).toBe(0);
    // The minor's record is untouched.
    expect(await count('notes', minor.episodeId)).toBe(1);
    const tomb = await h.services.db.execute<{ erased: unknown; destroyed_by: string }>(
      sql`SELECT erased, destroyed_by FROM episode_destructions WHERE episode_id = ${adult.episodeId}`,
    );
    expect(tomb.rows).toEqual([
      { erased: { v: 1, erased: { notes: 1, goals: 1 } }, destroyed_by: h.cast.admin.userId },
    ]);
    // The ending's form is gone; its kind, who and when stay.
    const ending = await callers.therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${adult.episodeId}/ending`,
    });
    expect(ending.json()).toMatchObject({
      kind: 'transfer',
      summary: expect.stringMatching(/destroyed/),
    });
    expect(JSON.stringify(ending.json())).not.toContain('Northside');
    expect(await auditCount(adult.episodeId)).toBeGreaterThan(auditBefore);
    await sealAuditEvents(h.services.db);
    const verify = await callers.admin.request({
      method: 'GET',
      url: '/api/v1/admin/audit/verify',
    });
    expect(verify.json()).toMatchObject({ ok: true, firstBadEventId: null });
    // Once only; it is no longer listed.
    expect((await destroy(adult.episodeId, 'Ada Adult')).json().code).toBe('EPISODE_DESTROYED');
    expect(await due()).toEqual([]);
  });

  it('answers 404 for an episode of another practice or none', async () => {
    const other = await signInOnClock(app, clock, h.cast.otherPracticeAdmin);
    expect((await destroy(minor.episodeId, 'Milo Minor', other)).statusCode).toBe(404);
  });
});

async function auditCount(episodeId: string): Promise<number> {
  const r = await h.services.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM audit_events WHERE resource_id = ${episodeId}`,
  );
  return r.rows[0]?.n ?? 0;
}
