import { createUserWithPassword, currentTotp, type Role } from '@throughline/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { operatorContext } from '../operator';
import {
  anonymous,
  type Caller,
  type Harness,
  PASSWORD,
  type Person,
  sessionCaller,
} from './harness';

/** One TOTP step (RFC 6238's default period, which the server uses). */
export const TOTP_STEP_MS = 30_000;

/**
 * The services' clock under a test's control (install it with `h.services.now = clock.now`).
 * Two-factor codes are checked against `services.now`, so moving this clock picks the current
 * TOTP step: a test never waits for a fresh code, and never reuses one by accident (a replay).
 */
export type TestClock = {
  now: () => Date;
  /** Milliseconds since the epoch. */
  ms: () => number;
  set: (ms: number) => void;
  advance: (ms: number) => void;
  /**
   * Moves to 5 s into a fresh TOTP step far from real time: `band` keeps files apart, and each
   * call moves 100 steps on, so no code of an earlier test is still accepted.
   */
  freshStep: (band: number) => void;
  /** The code of `secret` at the clock's time (plus `offsetMs`). */
  code: (secret: string, offsetMs?: number) => Promise<string>;
};

export function testClock(startMs: number = Date.now()): TestClock {
  let current = startMs;
  let serial = 0;
  return {
    now: () => new Date(current),
    ms: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
    freshStep: (band) => {
      current =
        (Math.floor(Date.now() / TOTP_STEP_MS) + band + serial++ * 100) * TOTP_STEP_MS + 5_000;
    },
    code: (secret, offsetMs = 0) => currentTotp(secret, new Date(current + offsetMs)),
  };
}

/** A well-formed code that is not valid in any step the server accepts at the clock's time. */
export async function wrongCode(clock: TestClock, secret: string): Promise<string> {
  const valid = await Promise.all(
    [-TOTP_STEP_MS, 0, TOTP_STEP_MS].map((d) => clock.code(secret, d)),
  );
  let n = 0;
  while (valid.includes(String(n).padStart(6, '0'))) n++;
  return String(n).padStart(6, '0');
}

export const cookiesOf = (response: LightMyRequestResponse): Record<string, string> =>
  Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));

/** The sign-in requests of the auth tests, against the app `app()` returns (made in beforeAll). */
export type SignInSteps = {
  /** The password step, as sent: the response, whatever it is. */
  signInRequest: (
    email: string,
    password?: string,
    remoteAddress?: string,
  ) => Promise<LightMyRequestResponse>;
  /** The password step, which must succeed; the caller may still owe a code. */
  startSession: (
    email: string,
    options?: { password?: string; remoteAddress?: string },
  ) => Promise<Caller>;
  verify: (caller: Caller, code: string, remoteAddress?: string) => Promise<LightMyRequestResponse>;
  me: (caller: Caller) => Promise<LightMyRequestResponse>;
};

export function signInSteps(
  app: () => FastifyInstance,
  options: { remoteAddress?: string } = {},
): SignInSteps {
  const signInRequest: SignInSteps['signInRequest'] = (
    email,
    password = PASSWORD,
    remoteAddress = options.remoteAddress,
  ) =>
    anonymous(app()).request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password },
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  return {
    signInRequest,
    startSession: async (email, start = {}) => {
      const response = await signInRequest(email, start.password, start.remoteAddress);
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
      return sessionCaller(app(), cookiesOf(response));
    },
    verify: (caller, code, remoteAddress) =>
      caller.request({
        method: 'POST',
        url: '/api/v1/auth/two-factor/verify',
        payload: { code },
        ...(remoteAddress ? { remoteAddress } : {}),
      }),
    me: (caller) => caller.request({ method: 'GET', url: '/api/v1/me' }),
  };
}

/**
 * Signs `person` in through the API on the test clock: the password, then (when asked for) the
 * TOTP code of the clock's time. The clock moves `advanceBefore` first (default: past the step
 * of any earlier code) and `advanceAfter` once signed in.
 */
export async function signInOnClock(
  app: FastifyInstance,
  clock: TestClock,
  person: Person,
  options: { advanceBefore?: number; advanceAfter?: number } = {},
): Promise<Caller> {
  clock.advance(options.advanceBefore ?? TOTP_STEP_MS + 1_000);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: person.email, password: PASSWORD },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${person.email} failed: ${response.body}`);
  const caller = sessionCaller(app, cookiesOf(response));
  if (response.json().next === 'two-factor') {
    if (!person.totpSecret) throw new Error(`${person.email} has two-factor but no test secret`);
    const verify = await caller.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      payload: { code: await clock.code(person.totpSecret) },
    });
    if (verify.statusCode !== 200)
      throw new Error(`two-factor of ${person.email} failed: ${verify.body}`);
  }
  clock.advance(options.advanceAfter ?? 0);
  return caller;
}

let users = 0;

/** A new user of the first practice with the test password (and this TOTP secret, if given). */
export async function newUser(
  h: Harness,
  role: Role,
  options: { prefix: string; displayName: string; totpSecret?: string | undefined },
): Promise<Person> {
  users += 1;
  const email = `${options.prefix}-${role}-${users}-${Math.random().toString(36).slice(2, 8)}@test.example`;
  const { totpSecret } = options;
  const user = await createUserWithPassword(operatorContext(h.services), {
    practiceId: h.cast.admin.practiceId,
    email,
    displayName: options.displayName,
    role,
    password: PASSWORD,
    ...(totpSecret ? { totpSecret } : {}),
  });
  return {
    key: email,
    email,
    role,
    userId: user.id,
    practiceId: h.cast.admin.practiceId,
    ...(totpSecret ? { totpSecret } : {}),
  };
}
