import type { Role } from '@throughline/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import {
  bearerCaller,
  type Caller,
  createHarness,
  type Harness,
  PASSWORD,
  type Person,
  sessionCaller,
} from '../testing/harness';
import { newUser as addUser, cookiesOf, signInSteps, testClock } from '../testing/sign-in';

let h: Harness;
const clock = testClock();
const MINUTE = 60_000;
const { signInRequest, startSession, verify, me } = signInSteps(() => h.app);

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
});
afterAll(async () => h?.close());
// Each test starts 5 s into a fresh 30 s TOTP step, well after the previous test's codes.
beforeEach(() => clock.freshStep(1000));

const newUser = (role: Role): Promise<Person> =>
  addUser(h, role, { prefix: 'auth', displayName: 'New person' });

describe('two-factor sign-in', () => {
  it('asks a therapist for a code, keeps them out until it is right, then lets them in', async () => {
    const response = await signInRequest(h.cast.therapist.email);
    expect(response.json()).toEqual({ next: 'two-factor' });
    const caller = sessionCaller(h.app, cookiesOf(response));

    const early = await caller.request({ method: 'GET', url: '/api/v1/clients' });
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: 'TWO_FACTOR_REQUIRED' });
    expect(early.json().detail).toMatch(/code from your authenticator app/);

    const wrong = await verify(caller, '000000');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_TWO_FACTOR_CODE');
    const malformed = await verify(caller, '12ab');
    expect(malformed.statusCode).toBe(400);

    const right = await verify(caller, await clock.code(h.cast.therapist.totpSecret ?? ''));
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ next: 'done' });
    const clients = await caller.request({ method: 'GET', url: '/api/v1/clients' });
    expect(clients.statusCode).toBe(200);
    expect((await me(caller)).json()).toMatchObject({ twoFactorVerified: true });
    // A second verify is not a request to enrol.
    const twice = await verify(caller, '000000');
    expect(twice.statusCode).toBe(403);
    expect(twice.json()).toMatchObject({
      code: 'FORBIDDEN',
      detail: expect.stringMatching(/already/),
    });
  });

  it('refuses a code replayed on a second sign-in within the same 30 s step', async () => {
    const person = h.cast.otherTherapist;
    const code = await clock.code(person.totpSecret ?? '');
    const first = await startSession(person.email);
    const second = await startSession(person.email);
    expect((await verify(first, code)).statusCode).toBe(200);
    clock.advance(10_000); // same step
    const replay = await verify(second, code);
    expect(replay.statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(403);
    clock.advance(30_000); // the next step's code is fresh
    const next = await verify(second, await clock.code(person.totpSecret ?? ''));
    expect(next.statusCode).toBe(200);
  });

  it('makes new staff enrol: secret, otpauth URI and QR code, confirmed by a computed code', async () => {
    const person = await newUser('supervisor');
    const response = await signInRequest(person.email);
    expect(response.json()).toEqual({ next: 'enrol-two-factor' });
    const caller = sessionCaller(h.app, cookiesOf(response));
    const blocked = await me(caller);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');

    const start = await caller.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment',
      payload: { password: PASSWORD },
    });
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = start.json();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Throughline:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]{100,}/);

    const confirm = (code: string) =>
      caller.request({
        method: 'POST',
        url: '/api/v1/auth/two-factor/enrolment/confirm',
        payload: { code },
      });
    expect((await confirm('000000')).statusCode).toBe(401);
    const done = await confirm(await clock.code(secret));
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ next: 'done' });
    expect((await me(caller)).json()).toMatchObject({
      twoFactorEnabled: true,
      twoFactorVerified: true,
    });
    // The next sign-in asks for a code from the new secret.
    clock.advance(30_000);
    const again = await signInRequest(person.email);
    expect(again.json()).toEqual({ next: 'two-factor' });
    const code = await clock.code(secret);
    expect((await verify(sessionCaller(h.app, cookiesOf(again)), code)).statusCode).toBe(200);
  });

  it('lets a client without two-factor straight in', async () => {
    const response = await signInRequest(h.cast.client.email);
    expect(response.json()).toEqual({ next: 'done' });
    const portal = await sessionCaller(h.app, cookiesOf(response)).request({
      method: 'GET',
      url: '/api/v1/portal',
    });
    expect(portal.statusCode).toBe(200);
  });
});

describe('passwords and lockout', () => {
  it('answers a wrong password and an unknown e-mail with the same generic 401', async () => {
    const wrong = await signInRequest(h.cast.client.email, 'not the password at all');
    const unknown = await signInRequest('nobody@test.example', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe('The e-mail address or password is not right.');
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(wrong.cookies).toEqual([]);
  });

  it('locks an account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    const person = await newUser('client');
    for (let i = 0; i < 5; i++) {
      expect((await signInRequest(person.email, 'wrong password number')).statusCode).toBe(401);
    }
    // The same generic 401 as an unknown address: the form does not reveal the lock (item 11).
    const locked = await signInRequest(person.email);
    expect(locked.statusCode).toBe(401);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.json().detail).toBe('The e-mail address or password is not right.');
    clock.advance(15 * MINUTE - 30_000);
    const almost = await signInRequest(person.email);
    expect(almost.statusCode).toBe(401);
    clock.advance(30_000);
    expect((await signInRequest(person.email)).statusCode).toBe(200);
  });

  it('counts wrong passwords that arrive at the same time (no lost updates)', async () => {
    const person = await newUser('client');
    const wrong = await Promise.all(
      Array.from({ length: 6 }, () => signInRequest(person.email, 'wrong password number')),
    );
    expect(wrong.every((r) => r.statusCode === 401)).toBe(true);
    expect((await signInRequest(person.email)).statusCode).toBe(401);
  });

  it('does not lock after 4 wrong passwords, and a success resets the count', async () => {
    const person = await newUser('client');
    for (let i = 0; i < 4; i++) await signInRequest(person.email, 'wrong password number');
    expect((await signInRequest(person.email)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await signInRequest(person.email, 'wrong password number');
    expect((await signInRequest(person.email)).statusCode).toBe(200);
  });

  it('limits sign-in attempts per address (429 problem) at the default limit', async () => {
    const app = await buildApp({ services: h.services });
    try {
      const attempt = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: 'nobody@test.example', password: 'x' },
        });
      for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
    } finally {
      await app.close();
    }
  });
});

describe('sessions', () => {
  it('ends a session after 30 minutes without requests', async () => {
    const caller = await startSession(h.cast.client.email);
    clock.advance(29 * MINUTE);
    expect((await me(caller)).statusCode).toBe(200);
    clock.advance(29 * MINUTE); // 58 minutes in, but active
    expect((await me(caller)).statusCode).toBe(200);
    clock.advance(30 * MINUTE + 1000);
    const expired = await me(caller);
    expect(expired.statusCode).toBe(401);
    expect(expired.cookies.find((c) => c.name === 'tl_session')?.value).toBe('');
  });

  it('ends an active session after 12 hours', async () => {
    const caller = await startSession(h.cast.client.email);
    const start = clock.ms();
    while (clock.ms() + 25 * MINUTE < start + 12 * 60 * MINUTE) {
      clock.advance(25 * MINUTE);
      expect((await me(caller)).statusCode).toBe(200);
    }
    clock.set(start + 12 * 60 * MINUTE - 1000);
    expect((await me(caller)).statusCode).toBe(200);
    clock.set(start + 12 * 60 * MINUTE);
    expect((await me(caller)).statusCode).toBe(401);
  });

  it('sets an HttpOnly session cookie and a readable CSRF cookie, both SameSite=Strict', async () => {
    const response = await signInRequest(h.cast.client.email);
    const session = response.cookies.find((c) => c.name === 'tl_session');
    const csrf = response.cookies.find((c) => c.name === 'tl_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(csrf).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(session?.value).not.toBe(csrf?.value);
    const secure = await buildApp({ services: { ...h.services, publicUrl: 'https://tl.example' } });
    try {
      const over = await secure.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: h.cast.client.email, password: PASSWORD },
      });
      expect(over.cookies.every((c) => c.secure === true)).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('ends the session on sign-out; the old cookie is then refused', async () => {
    const caller = await startSession(h.cast.client.email);
    const out = await caller.request({ method: 'POST', url: '/api/v1/auth/sign-out' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'tl_session')?.value).toBe('');
    expect((await me(caller)).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  const addClient = (caller: Caller, headers: Record<string, string>) =>
    caller.request({
      method: 'POST',
      url: '/api/v1/clients',
      headers,
      payload: {
        displayName: 'Csrf Client',
        email: `csrf-${clock.ms()}-${Date.now()}@test.example`,
      },
    });

  it('refuses a cookie-authenticated change without, or with a wrong, x-csrf-token', async () => {
    const caller = await startSession(h.cast.therapist.email);
    expect(
      (await verify(caller, await clock.code(h.cast.therapist.totpSecret ?? ''))).statusCode,
    ).toBe(200);
    const without = await h.app.inject({
      method: 'POST',
      url: '/api/v1/clients',
      cookies: caller.cookies,
      payload: { displayName: 'Csrf Client', email: 'csrf-none@test.example' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await addClient(caller, { 'x-csrf-token': 'not-the-token' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('CSRF_TOKEN_INVALID');
    expect(wrong.json().detail).toMatch(/tl_csrf/);
    // A read needs no CSRF header; the right header lets the change through.
    const read = await h.app.inject({ method: 'GET', url: '/api/v1/me', cookies: caller.cookies });
    expect(read.statusCode).toBe(200);
    expect((await addClient(caller, {})).statusCode).toBe(201);
  });

  it('needs no CSRF header for a bearer-authenticated change', async () => {
    const caller = await bearerCaller(h.app, h.services, h.cast.otherTherapist);
    const created = await addClient(caller, {});
    expect(created.statusCode).toBe(201);
  });
});
