import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { anonymous, type Caller, createHarness, type Harness, signInAs } from './testing/harness';

let h: Harness;
let therapist: Caller;
let admin: Caller;
const seen: LightMyRequestResponse[] = [];

beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
  admin = await signInAs(h.app, h.cast.admin);
});
afterAll(async () => h?.close());

/** Checks the RFC 9457 shape and remembers the response for the no-internals sweep. */
function problem(response: LightMyRequestResponse, status: number) {
  seen.push(response);
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:throughline:problem:/) });
  expect(typeof body.title).toBe('string');
  expect(body.detail.length).toBeGreaterThan(5);
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  return body as { detail: string; code?: string; errors?: { path: string; message: string }[] };
}

const signIn = (payload: string | object, headers: Record<string, string> = {}) =>
  anonymous(h.app).request({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    headers: { 'content-type': 'application/json', ...headers },
    payload,
  });

describe('request validation', () => {
  it('answers malformed JSON with 400', async () => {
    const body = problem(await signIn('{"email": "a@b.example", '), 400);
    expect(body.detail).toBe('The request body is not valid JSON.');
  });

  it('answers wrong types with 400 naming the field', async () => {
    const body = problem(await signIn({ email: 42, password: 'x' }), 400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.detail).toMatch(/^body\.email: /);
    expect(body.errors?.map((e) => e.path)).toContain('body.email');
  });

  it('refuses unknown fields with 400', async () => {
    const response = await signIn({ email: 'a@b.example', password: 'x', role: 'admin' });
    const body = problem(response, 400);
    expect(JSON.stringify(body.errors)).toContain('role');
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = { email: 'a@b.example', password: 'x'.repeat(1024 * 1024 + 10) };
    problem(await signIn(big), 413);
  });

  it('refuses a body in a media type the API does not read with 415', async () => {
    problem(await signIn('<email/>', { 'content-type': 'application/xml' }), 415);
    // Plain text is read as a string, which then fails the schema.
    expect(problem(await signIn('email=a', { 'content-type': 'text/plain' }), 400).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('answers a bad UUID in the path with 400', async () => {
    const response = await therapist.request({ method: 'GET', url: '/api/v1/clients/not-a-uuid' });
    const body = problem(response, 400);
    expect(body.errors?.[0]?.path).toBe('params.id');
  });

  it('answers an unknown time zone on PATCH /api/v1/practice with 400', async () => {
    const response = await admin.request({
      method: 'PATCH',
      url: '/api/v1/practice',
      payload: { timeZone: 'Mars/Olympus_Mons' },
    });
    const body = problem(response, 400);
    expect(body.detail).toMatch(/timeZone/);
    expect(body.detail).toMatch(/IANA/);
    const still = await admin.request({ method: 'GET', url: '/api/v1/practice' });
    expect(still.json().timeZone).toBe('Europe/London');
  });

  it('answers an empty PATCH /api/v1/practice with the settings unchanged (found by the fuzz test)', async () => {
    const response = await admin.request({ method: 'PATCH', url: '/api/v1/practice', payload: {} });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'First Practice', timeZone: 'Europe/London' });
  });

  it('answers limit=0 and limit=abc with 400 naming the query parameter', async () => {
    for (const limit of ['0', 'abc', '201']) {
      const response = await therapist.request({
        method: 'GET',
        url: `/api/v1/clients?limit=${limit}`,
      });
      expect(problem(response, 400).errors?.[0]?.path).toBe('querystring.limit');
    }
    const unknownParam = await therapist.request({ method: 'GET', url: '/api/v1/clients?sort=x' });
    problem(unknownParam, 400);
  });

  it('answers a cursor it never issued with 400', async () => {
    const response = await therapist.request({
      method: 'GET',
      url: '/api/v1/clients?cursor=bm9wZQ',
    });
    expect(problem(response, 400).errors?.[0]?.path).toBe('cursor');
  });
});

// Issue 7, item 10: these reached PostgreSQL and answered 500.
describe('malformed input that used to reach the database', () => {
  const cursorOf = (text: string): string => Buffer.from(text).toString('base64url');
  const at = '2026-03-01T12:00:00.000Z';

  it('answers a cursor whose id part is not a UUID with 400 on every paged list', async () => {
    const clientId = h.cast.client.clientId ?? '';
    for (const bad of [
      cursorOf(`${at}|not-a-uuid`),
      cursorOf(`${at}|------------------------------------`),
      cursorOf(`${at}|${clientId}|x|y`),
      cursorOf(`+275760-09-13T00:00:00.000Z|${clientId}`),
    ]) {
      for (const url of [
        `/api/v1/clients?cursor=${bad}`,
        `/api/v1/episodes?cursor=${bad}`,
        `/api/v1/clients/${clientId}/timeline?cursor=${bad}`,
      ]) {
        const body = problem(await therapist.request({ method: 'GET', url }), 400);
        expect(body.errors?.[0]?.path, url).toBe('cursor');
      }
    }
  });

  it('answers a cursor with characters no cursor has with 400 naming the parameter', async () => {
    const response = await therapist.request({
      method: 'GET',
      url: '/api/v1/clients?cursor=a%20b',
    });
    expect(problem(response, 400).errors?.[0]?.path).toBe('querystring.cursor');
  });

  it('answers a NUL byte in a text field, a query or a nested field with 400 naming it', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: '/api/v1/clients',
      payload: { displayName: 'Ada\u0000Lovelace', email: 'nul-name@test.example' },
    });
    const body = problem(created, 400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toEqual([
      { path: 'body.displayName', message: 'must not contain the NUL character (U+0000).' },
    ]);
    const query = await therapist.request({ method: 'GET', url: '/api/v1/episodes?phase=%00' });
    expect(problem(query, 400).errors?.[0]?.path).toBe('querystring.phase');
    const nested = await admin.request({
      method: 'PATCH',
      url: '/api/v1/practice',
      payload: { name: ['x'], timeZone: { 'a\u0000': 1 } },
    });
    expect(problem(nested, 400).errors?.[0]?.path).toBe('body.timeZone');
    const count = await h.database.pool.query(
      "SELECT count(*)::int AS n FROM clients WHERE display_name LIKE 'Ada%'",
    );
    expect(count.rows[0].n).toBe(0);
  });

  it('answers a value PostgreSQL refuses (SQLSTATE class 22) with 400, showing nothing internal', async () => {
    const app = await buildApp({ services: h.services });
    app.get('/api/v1/cast', { config: { policy: 'health.read' } }, async (request) => {
      await request.ctx.services.db.execute(sql`SELECT ${'twelve'}::int AS n`);
      return {};
    });
    try {
      const body = problem(await app.inject({ method: 'GET', url: '/api/v1/cast' }), 400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.detail).toMatch(/cannot be stored/);
      expect(JSON.stringify(body)).not.toMatch(/twelve|integer|22P02|select/i);
    } finally {
      await app.close();
    }
  });
});

describe('routing', () => {
  it('answers an unknown route with 404 problem+json', async () => {
    const body = problem(
      await anonymous(h.app).request({ method: 'GET', url: '/api/v1/nope' }),
      404,
    );
    expect(body.detail).toContain('/api/v1/nope');
  });

  it('answers a wrong method with a 404 or 405 problem, never a 500', async () => {
    for (const [method, url] of [
      ['DELETE', '/api/v1/me'],
      ['PUT', '/api/v1/clients'],
      ['PATCH', '/api/health'],
    ] as const) {
      const response = await therapist.request({ method, url });
      expect([404, 405]).toContain(response.statusCode);
      problem(response, response.statusCode);
    }
  });
});

describe('internal errors', () => {
  it('answers an unexpected failure with a 500 that shows nothing internal', async () => {
    const app = await buildApp({ services: h.services });
    app.get('/api/v1/boom', { config: { policy: 'health.read' } }, async () => {
      throw new Error('connection to db-internal.example:5432 refused');
    });
    try {
      const body = problem(await app.inject({ method: 'GET', url: '/api/v1/boom' }), 500);
      expect(body.detail).toMatch(/Something went wrong on our side/);
      expect(JSON.stringify(body)).not.toContain('db-internal');
    } finally {
      await app.close();
    }
  });

  it('never includes a stack or source path in any problem seen in this file', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const response of seen) {
      expect(response.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+|"stack"/);
    }
  });
});

// Issue 7, item 12.
describe('caching', () => {
  it('marks every non-public API answer no-store, errors included', async () => {
    const clientId = h.cast.client.clientId ?? '';
    const answers = [
      await therapist.request({ method: 'GET', url: '/api/v1/clients' }),
      await therapist.request({ method: 'GET', url: `/api/v1/clients/${clientId}` }),
      await therapist.request({ method: 'GET', url: '/api/v1/me' }),
      await therapist.request({ method: 'GET', url: '/api/v1/clients/not-a-uuid' }),
      await admin.request({ method: 'GET', url: `/api/v1/clients/${clientId}` }),
      await anonymous(h.app).request({ method: 'GET', url: '/api/v1/clients' }),
      await anonymous(h.app).request({ method: 'GET', url: '/api/v1/nope' }),
      await signIn({ email: 'nobody@test.example', password: 'wrong password!' }),
      await anonymous(h.app).request({ method: 'GET', url: '/api/health' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 400, 404, 401, 404, 401, 200]);
    for (const response of answers) {
      expect(response.headers['cache-control'], response.body).toBe('no-store');
    }
  });

  it('leaves the public API documentation cacheable', async () => {
    const doc = await anonymous(h.app).request({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.headers['cache-control'] ?? '').not.toContain('no-store');
  });
});

describe('headers and documentation', () => {
  it('sends security headers on API answers and problems alike', async () => {
    for (const url of ['/api/health', '/api/v1/nope']) {
      const response = await anonymous(h.app).request({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('publishes an OpenAPI 3.1 document that covers the clients API', async () => {
    const response = await anonymous(h.app).request({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/clients']).toHaveProperty('get');
    expect(doc.paths['/api/v1/clients']).toHaveProperty('post');
    expect(doc.paths['/api/v1/clients/{id}']).toHaveProperty('get');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });

  it('serves the API docs as HTML to anyone', async () => {
    let response = await anonymous(h.app).request({ method: 'GET', url: '/api/docs' });
    if (response.statusCode >= 300 && response.statusCode < 400) {
      const location = String(response.headers.location);
      const url = location.startsWith('/')
        ? location
        : `/api/docs/${location.replace(/^\.\//, '')}`;
      response = await anonymous(h.app).request({ method: 'GET', url });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toMatch(/swagger/i);
  });
  it('ignores an Authorization header of another scheme, but refuses a bad Bearer token', async () => {
    const basic = { authorization: 'Basic dXNlcjpwYXNz' };
    const health = await anonymous(h.app).request({
      method: 'GET',
      url: '/api/health',
      headers: basic,
    });
    expect(health.statusCode).toBe(200);
    const me = await anonymous(h.app).request({ method: 'GET', url: '/api/v1/me', headers: basic });
    expect(me.statusCode).toBe(401);
    expect(me.json().detail).toBe('Sign in to continue.');
    const bad = await anonymous(h.app).request({
      method: 'GET',
      url: '/api/health',
      headers: { authorization: 'Bearer tl_not-a-token' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().detail).toMatch(/bearer token is not valid/);
  });
});
