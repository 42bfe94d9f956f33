import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import { currentTotp } from '@throughline/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app';
import { type Cast, createServicesForTest, PASSWORD, seedCast } from '../testing/harness';

let database: TestDatabase;
let app: FastifyInstance;
let cast: Cast;
const lines: string[] = [];

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
});
