import { LOCKOUT_MS, newTotpSecret, type Role } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  bearerCaller,
  type Caller,
  createHarness,
  type Harness,
  type Person,
} from '../testing/harness';
import {
  newUser as addUser,
  signInSteps,
  testClock,
  wrongCode as wrongCodeOn,
} from '../testing/sign-in';

// Issue 7 items 2, 3 and 6: what the per-account lockout stops, and that it cannot be raced.

let h: Harness;
const clock = testClock();
const WRONG = 'wrong password number';
const { signInRequest, startSession, verify, me } = signInSteps(() => h.app, {
  remoteAddress: '203.0.113.7',
});

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
});
afterAll(async () => h?.close());
// Each test starts 5 s into a fresh 30 s TOTP step, well after the previous test's codes.
beforeEach(() => clock.freshStep(2000));

/** A well-formed code that is not valid in any step the server accepts now. */
const wrongCode = (secret: string): Promise<string> => wrongCodeOn(clock, secret);

const newUser = (role: Role, totpSecret?: string): Promise<Person> =>
  addUser(h, role, { prefix: 'lockout', displayName: 'Lockout person', totpSecret });

type LockRow = {
  failed_sign_ins: number;
  locked_until: Date | null;
  failed_totp_codes: number;
  totp_locked_until: Date | null;
};

async function lockState(person: Person): Promise<LockRow> {
  const result = await h.services.db.execute<LockRow>(
    sql`SELECT failed_sign_ins, locked_until, failed_totp_codes, totp_locked_until
        FROM users WHERE id = ${person.userId}`,
  );
  const row = result.rows[0];
  if (!row) throw new Error('no such user');
  return row;
}

const at = (value: Date | string | null): number | null =>
  value === null ? null : new Date(value).getTime();

/** How many guesses were actually checked against the secret, by the audit trail. */
async function checked(person: Person, action: string): Promise<Record<string, number>> {
  const result = await h.services.db.execute<{ outcome: string; n: number }>(
    sql`SELECT outcome, count(*)::int AS n FROM audit_events
        WHERE resource_id = ${person.userId} AND action = ${action} GROUP BY outcome`,
  );
  return Object.fromEntries(result.rows.map((r) => [r.outcome, r.n]));
}

const statuses = (responses: LightMyRequestResponse[]): number[] =>
  responses.map((r) => r.statusCode).sort();

describe('a lock stops new password sign-ins only (item 2)', () => {
  it("keeps the victim's existing session and API token working while refusing a new sign-in", async () => {
    // A therapist: only staff hold personal API tokens.
    const secret = newTotpSecret();
    const victim = await newUser('therapist', secret);
    const session = await startSession(victim.email);
    expect((await verify(session, await clock.code(secret))).statusCode).toBe(200);
    const token = await bearerCaller(h.app, h.services, victim);
    expect((await me(session)).statusCode).toBe(200);

    // An anonymous caller elsewhere guesses wrong five times.
    for (let i = 0; i < 5; i++) {
      expect((await signInRequest(victim.email, WRONG, '198.51.100.9')).statusCode).toBe(401);
    }
    // Refused with the same answer as a wrong password (item 11: the lock is not revealed).
    const fresh = await signInRequest(victim.email);
    expect(fresh.statusCode).toBe(401);
    expect(fresh.cookies).toEqual([]);

    expect((await me(session)).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(200);
    // Still working well inside the 15 minutes (a request every 10 minutes keeps it alive).
    clock.advance(10 * 60_000);
    expect((await me(session)).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(200);
    expect((await signInRequest(victim.email)).statusCode).toBe(401);
    expect((await checked(victim, 'auth.sign-in')).denied).toBe(2);
  });
});

describe('the password lockout cannot be raced (item 3)', () => {
  it('after 4 failures, 5 wrong and 1 right sent at once: only one is checked, then the lock holds', async () => {
    const person = await newUser('client');
    for (let i = 0; i < 4; i++)
      expect((await signInRequest(person.email, WRONG)).statusCode).toBe(401);

    const responses = await Promise.all([
      ...Array.from({ length: 5 }, () => signInRequest(person.email, WRONG)),
      signInRequest(person.email),
    ]);
    // A locked refusal answers like a wrong password (item 11): the audit trail tells them apart.
    const codes = statuses(responses);
    expect(codes.filter((c) => c !== 200 && c !== 401)).toEqual([]);
    expect(codes.filter((c) => c === 200).length).toBeLessThanOrEqual(1);

    const audit = await checked(person, 'auth.sign-in');
    const state = await lockState(person);
    if (codes.includes(200)) {
      // The right password won the race: the count starts again and nothing is locked.
      expect(audit).toMatchObject({ failure: 4, success: 1, denied: 5 });
      expect(state).toMatchObject({ failed_sign_ins: 0, locked_until: null });
    } else {
      // A wrong one won: it was the fifth, so the account is locked, the right one included.
      expect(audit).toMatchObject({ failure: 5, denied: 5 });
      expect(audit.success ?? 0).toBe(0);
      expect(state.failed_sign_ins).toBe(5);
      expect(at(state.locked_until)).toBe(clock.ms() + LOCKOUT_MS);
      expect((await signInRequest(person.email)).statusCode).toBe(401);
      expect((await checked(person, 'auth.sign-in')).denied).toBe(6);
    }
  });

  it('ten wrong passwords at once: five are checked, five refused as locked', async () => {
    const person = await newUser('client');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signInRequest(person.email, WRONG, `192.0.2.${i + 1}`)),
    );
    expect(statuses(responses)).toEqual(Array(10).fill(401));
    expect(await checked(person, 'auth.sign-in')).toEqual({ failure: 5, denied: 5 });
    const state = await lockState(person);
    expect(state.failed_sign_ins).toBe(5);
    expect(at(state.locked_until)).toBe(clock.ms() + LOCKOUT_MS);
    // After the lock runs out, a fresh window starts with the right password.
    clock.advance(LOCKOUT_MS);
    expect((await signInRequest(person.email)).statusCode).toBe(200);
    expect(await lockState(person)).toMatchObject({ failed_sign_ins: 0, locked_until: null });
  });
});

describe('wrong two-factor codes are counted per account (item 6)', () => {
  it('locks the code step after 5 wrong codes from different sessions and addresses', async () => {
    const secret = newTotpSecret();
    const person = await newUser('therapist', secret);
    const other = await newUser('therapist', newTotpSecret());

    for (let i = 0; i < 5; i++) {
      const address = `198.51.100.${i + 20}`;
      const caller = await startSession(person.email, { remoteAddress: address });
      const wrong = await verify(caller, await wrongCode(secret), address);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('INVALID_TWO_FACTOR_CODE');
    }
    // A password sign-in still works (the lock is on the code step), but even the right code
    // is refused now, and signing in again does not reset the count.
    const caller = await startSession(person.email, { remoteAddress: '198.51.100.99' });
    const right = await verify(caller, await clock.code(secret));
    expect(right.statusCode).toBe(423);
    expect(right.headers['content-type']).toContain('application/problem+json');
    expect(right.json().detail).toMatch(/too many wrong ones\. Try again in 15 minutes/);
    expect((await me(caller)).statusCode).toBe(403);
    expect(await lockState(person)).toMatchObject({ failed_totp_codes: 5, failed_sign_ins: 0 });

    // Another account is not affected.
    const otherCaller = await startSession(other.email, { remoteAddress: '198.51.100.99' });
    const otherCode = await clock.code(other.totpSecret ?? '');
    expect((await verify(otherCaller, otherCode)).statusCode).toBe(200);

    // After 15 minutes the right code gets in, and resets the count.
    clock.advance(LOCKOUT_MS);
    const later = await verify(caller, await clock.code(secret));
    expect(later.statusCode).toBe(200);
    expect(await lockState(person)).toMatchObject({
      failed_totp_codes: 0,
      totp_locked_until: null,
    });
  });

  it('ten wrong codes at once: five are checked, five refused as locked', async () => {
    const secret = newTotpSecret();
    const person = await newUser('supervisor', secret);
    const wrong = await wrongCode(secret);
    // The sessions are opened one after another: the race is in the codes.
    const callers: Caller[] = [];
    for (let i = 0; i < 10; i++)
      callers.push(await startSession(person.email, { remoteAddress: `192.0.2.${i + 100}` }));
    const responses = await Promise.all(callers.map((c) => verify(c, wrong)));
    expect(statuses(responses)).toEqual([401, 401, 401, 401, 401, 423, 423, 423, 423, 423]);
    expect(await checked(person, 'auth.two-factor.verify')).toEqual({ failure: 5, denied: 5 });
    const state = await lockState(person);
    expect(state.failed_totp_codes).toBe(5);
    expect(at(state.totp_locked_until)).toBe(clock.ms() + LOCKOUT_MS);
  });

  it('refuses the same right code sent twice at once (one is used, the other is a replay)', async () => {
    const secret = newTotpSecret();
    const person = await newUser('therapist', secret);
    const a = await startSession(person.email);
    const b = await startSession(person.email);
    const code = await clock.code(secret);
    const both = await Promise.all([verify(a, code), verify(b, code)]);
    expect(statuses(both)).toEqual([200, 401]);
  });
});
