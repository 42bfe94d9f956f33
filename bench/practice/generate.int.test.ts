import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import { currentTotp, type Services, verifyAuditChain } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../apps/server/src/app';
import {
  type Caller,
  createServicesForTest,
  parseSetCookies,
  sessionCaller,
} from '../../apps/server/src/testing/harness';
import { type LoadReport, loadPractice } from './load';
import { SYNTHETIC_PASSWORD } from './sizes';

/** Generates the S practice into a fresh database and runs the real app on it. */
describe('a generated practice (size S)', () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let report: LoadReport;
  let therapist: Caller;

  beforeAll(async () => {
    database = await createTestDatabase(inject('database'));
    services = await createServicesForTest(database);
    report = await loadPractice({
      services,
      pool: database.pool,
      size: 'S',
      seed: 7,
      anchor: new Date(),
    });
    app = await buildApp({ services, authRateLimit: 10_000 });
    // Signing in as a generated therapist: their password, then their two-factor code.
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: report.therapist.email, password: SYNTHETIC_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    therapist = sessionCaller(app, parseSetCookies(signIn));
    const verify = await therapist.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      payload: { code: await currentTotp(report.therapist.totpSecret) },
    });
    expect(verify.statusCode).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('loads one therapist with 40 clients and their records', () => {
    expect(report.rows.users).toBe(41); // the therapist and 40 clients (the admin is made apart)
    expect(report.rows.clients).toBe(40);
    expect(report.rows.appointments).toBeGreaterThan(40 * 6);
    expect(report.rows.responses).toBeGreaterThan(report.rows.notes);
    expect(report.rows.messages).toBeGreaterThan(0);
  });

  it("lists the therapist's open episodes in the caseload", async () => {
    const open = await services.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM episodes WHERE phase <> 'closed'`,
    );
    const response = await therapist.request({ method: 'GET', url: '/api/v1/caseload' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { unreadMessages?: number; urgentAlerts?: number }[];
    expect(items).toHaveLength(open.rows[0]?.n ?? -1);
    expect(items.length).toBeGreaterThan(20);
  });

  it('reads a brief with the decrypted title, last note and measures', async () => {
    const longest = await services.db.execute<{ id: string }>(sql`
      SELECT e.id FROM episodes e JOIN appointments a ON a.episode_id = e.id
      WHERE e.phase = 'active' AND a.status = 'attended'
      GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1`);
    const episodeId = longest.rows[0]?.id;
    const response = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/brief`,
    });
    expect(response.statusCode).toBe(200);
    const brief = response.json();
    expect(['Music therapy', 'Counselling', 'Grief work', 'CBT for anxiety']).toContain(
      brief.episode.title,
    );
    expect(brief.lastSession.noteStatus).toBe('signed');
    expect(brief.lastSession.planForNext).toMatch(/^Return to the theme of session \d+\.$/);
    expect(brief.appointment).not.toBeNull();
    expect(brief.sections.measures.length).toBeGreaterThan(0);
  });

  it('keeps the audit chain valid', async () => {
    const chain = await verifyAuditChain(database.db, report.practiceId);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThan(0);
  });
});
