import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import { currentTotp } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app';
import { type Cast, createServicesForTest, PASSWORD, seedCast, signInAs } from '../testing/harness';
import type { LoggedError } from './log-serializers';

let database: TestDatabase;
let app: FastifyInstance;
let cast: Cast;
const lines: string[] = [];
const SECRET_NAME = 'Ada Secretname';
const SECRET_EMAIL = 'ada.secret@private.example';

beforeAll(async () => {
  database = await createTestDatabase(inject('database'));
  const services = await createServicesForTest(database);
  cast = await seedCast(services);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ services, logLevel: 'info', logStream: sink, authRateLimit: 1000 });
  // Two statements that fail in PostgreSQL with a person's details among their parameters: one a
  // data exception (answered 400), one not (answered 500). Both must be logged without them.
  app.get('/api/v1/test/bad-value', { config: { policy: 'health.read' } }, async (request) => {
    await request.ctx.services.db.execute(
      sql`SELECT ${SECRET_NAME}::text AS name, ${SECRET_EMAIL}::uuid AS id`,
    );
    return {};
  });
  app.get('/api/v1/test/duplicate', { config: { policy: 'health.read' } }, async (request) => {
    await request.ctx.services.db.execute(
      sql`INSERT INTO users (practice_id, email, display_name, role)
          SELECT practice_id, email, ${SECRET_NAME}, role FROM users WHERE email = ${cast.admin.email}`,
    );
    return {};
  });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('logs', () => {
  it('never contain passwords, cookies, codes, tokens or invitation links', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: cast.therapist.email, password: PASSWORD },
    });
    const cookies = Object.fromEntries(signIn.cookies.map((c) => [c.name, c.value]));
    const code = await currentTotp(cast.therapist.totpSecret ?? '');
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      cookies,
      headers: { 'x-csrf-token': cookies.tl_csrf ?? '' },
      payload: { code },
    });
    const secretLink = 'abcdefghijklmnopqrstuvwxyz0123456789';
    await app.inject({ method: 'GET', url: `/api/v1/invitations/${secretLink}` });
    await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer tl_secret-token-value' },
    });

    const log = lines.join('');
    expect(log).toContain('/api/v1/auth/sign-in'); // requests are logged…
    expect(log).toContain('/api/v1/invitations/[redacted]');
    for (const secret of [
      PASSWORD,
      cookies.tl_session,
      cookies.tl_csrf,
      code,
      secretLink,
      'tl_secret-token-value',
    ]) {
      expect(secret && log.includes(secret), `log contains ${secret}`).toBe(false); // …their secrets are not
    }
  });

  // Issue 7, item 9.
  it('never contain calendar feed tokens', async () => {
    const client = await signInAs(app, cast.client);
    const issued = await client.request({ method: 'POST', url: '/api/v1/calendar-feed' });
    expect(issued.statusCode).toBe(201);
    const path = new URL(issued.json().url).pathname;
    const token = path.match(/\/calendar\/([^/]+)\.ics$/)?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    const feed = await app.inject({ method: 'GET', url: `${path}?download=1` });
    expect(feed.statusCode).toBe(200);

    const log = lines.join('');
    expect(log).toContain('/api/v1/calendar/[redacted].ics');
    expect(log).not.toContain(token);
  });

  it('never contain the name or e-mail of a request that had a NUL byte', async () => {
    const therapist = await signInAs(app, cast.otherTherapist);
    const response = await therapist.request({
      method: 'POST',
      url: '/api/v1/clients',
      payload: { displayName: `${SECRET_NAME}\u0000`, email: SECRET_EMAIL },
    });
    expect(response.statusCode).toBe(400);
    const log = lines.join('');
    expect(log).not.toContain('Secretname');
    expect(log).not.toContain(SECRET_EMAIL);
  });

  it('keep the kind and SQLSTATE of a database error, but not its statement or parameters', async () => {
    const before = lines.length;
    const badValue = await app.inject({ method: 'GET', url: '/api/v1/test/bad-value' });
    expect(badValue.statusCode).toBe(400);
    const duplicate = await app.inject({ method: 'GET', url: '/api/v1/test/duplicate' });
    expect(duplicate.statusCode).toBe(500);

    const records = lines
      .slice(before)
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: LoggedError })
      .filter((record) => record.err);
    expect(records.map((r) => [r.level, r.msg])).toEqual([
      [40, 'request value refused by the database'],
      [50, 'unhandled error'],
    ]);
    const [refused, failed] = records.map((r) => r.err);
    expect(refused).toMatchObject({
      type: 'DrizzleQueryError',
      statement: 'select',
      cause: {
        errorCode: '22P02',
        message: 'invalid input syntax for type uuid: "[redacted]"',
      },
    });
    expect(failed).toMatchObject({
      statement: 'insert into "users"',
      cause: { errorCode: '23505', table: 'users', constraint: expect.any(String) },
    });
    const logged = lines.slice(before).join('');
    for (const secret of [
      'Secretname',
      SECRET_EMAIL,
      cast.admin.email,
      'Failed query:',
      'params',
    ]) {
      expect(logged, secret).not.toContain(secret);
    }
  });
});
