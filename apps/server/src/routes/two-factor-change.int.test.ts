import { newTotpSecret, type Role } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  anonymous,
  type Caller,
  createHarness,
  type Harness,
  PASSWORD,
  type Person,
  sessionCaller,
} from '../testing/harness';
import {
  newUser as addUser,
  cookiesOf,
  signInOnClock,
  TOTP_STEP_MS,
  testClock,
} from '../testing/sign-in';

// Issue 7 item 5: replacing two-factor needs re-authentication, ends the other sessions and
// tells the person, without putting any secret in the mail.

let h: Harness;
const clock = testClock();

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
});
afterAll(async () => h?.close());
// Each test starts 5 s into a fresh 30 s TOTP step, well after the previous test's codes.
beforeEach(() => clock.freshStep(3000));

/** Signs in with a code of the current step, then moves to the next step so codes stay fresh. */
const signIn = (person: Person): Promise<Caller> =>
  signInOnClock(h.app, clock, person, {
    advanceBefore: 0,
    advanceAfter: person.totpSecret ? TOTP_STEP_MS : 0,
  });

const newUser = (role: Role, withTwoFactor: boolean): Promise<Person> =>
  addUser(h, role, {
    prefix: 'tfa',
    displayName: 'Two-factor person',
    totpSecret: withTwoFactor ? newTotpSecret() : undefined,
  });

const start = (caller: Caller, payload: Record<string, string>) =>
  caller.request({ method: 'POST', url: '/api/v1/auth/two-factor/enrolment', payload });

const confirm = (caller: Caller, code: string) =>
  caller.request({
    method: 'POST',
    url: '/api/v1/auth/two-factor/enrolment/confirm',
    payload: { code },
  });

const me = (caller: Caller) => caller.request({ method: 'GET', url: '/api/v1/me' });

async function mailTo(email: string): Promise<{ subject: string; text_body: string }[]> {
  const result = await h.services.db.execute<{ subject: string; text_body: string }>(
    sql`SELECT subject, text_body FROM outbox_messages WHERE to_address = ${email}`,
  );
  return result.rows;
}

async function auditOf(person: Person, action: string) {
  const result = await h.services.db.execute<{ outcome: string; detail: unknown }>(
    sql`SELECT outcome, detail FROM audit_events
        WHERE resource_id = ${person.userId} AND action = ${action} ORDER BY occurred_at`,
  );
  return result.rows;
}

describe('changing two-factor needs the password or a current code', () => {
  it('refuses to start without re-authentication, or with a wrong password, and keeps the old secret', async () => {
    const person = await newUser('therapist', true);
    const caller = await signIn(person);

    const bare = await start(caller, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.headers['content-type']).toContain('application/problem+json');
    expect(bare.json().detail).toBe(
      'To change two-factor, first enter your password or a current code from your authenticator app.',
    );
    const wrong = await start(caller, { password: 'not my password at all' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toBe('That password is not right.');
    // Without a started change there is nothing to confirm.
    const early = await confirm(caller, '123456');
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/Start two-factor set-up first/);
    expect((await me(caller)).statusCode).toBe(200);
    expect(await auditOf(person, 'auth.reauthenticate')).toMatchObject([
      { outcome: 'failure', detail: { secret: 'password' } },
    ]);
    // The old authenticator still works at the next sign-in.
    expect(await signIn(person)).toBeDefined();
  });

  it('counts wrong re-authentication passwords towards the lockout', async () => {
    const person = await newUser('therapist', true);
    const caller = await signIn(person);
    for (let i = 0; i < 5; i++) {
      expect((await start(caller, { password: 'not my password at all' })).statusCode).toBe(400);
    }
    const locked = await start(caller, { password: PASSWORD });
    expect(locked.statusCode).toBe(423);
    // The session that made the guesses is not ended by the lock.
    expect((await me(caller)).statusCode).toBe(200);
  });

  it('with the password: replaces the secret, ends the other sessions, keeps this one, and mails a notice', async () => {
    const person = await newUser('therapist', true);
    const other = await signIn(person);
    const caller = await signIn(person);
    const bystander = await signIn(h.cast.otherTherapist);

    const started = await start(caller, { password: PASSWORD });
    expect(started.statusCode).toBe(200);
    const { secret } = started.json();
    expect(secret).not.toBe(person.totpSecret);
    const done = await confirm(caller, await clock.code(secret));
    expect(done.statusCode).toBe(200);

    expect((await me(caller)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(bystander)).statusCode).toBe(200);

    const mail = await mailTo(person.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('A change to how you sign in');
    expect(mail[0]?.text_body).toMatch(
      /The authenticator app used to sign in to your account was changed on \w+ \d+ \w+ \d{4} at \d\d:\d\d \(Europe\/London\)\./,
    );
    for (const s of [secret, person.totpSecret ?? '', PASSWORD]) {
      expect(mail[0]?.text_body).not.toContain(s);
      expect(mail[0]?.subject).not.toContain(s);
    }
    expect(mail[0]?.text_body).not.toMatch(/https?:\/\//);
    expect(await auditOf(person, 'auth.two-factor.enrol')).toMatchObject([
      { outcome: 'success', detail: { replaced: true, endedSessions: 1, notice: 'sent' } },
    ]);

    // The next sign-in needs a code from the new secret; the old one is refused.
    clock.advance(30_000);
    const again = await anonymous(h.app).request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.email, password: PASSWORD },
    });
    const next = sessionCaller(h.app, cookiesOf(again));
    const old = await clock.code(person.totpSecret ?? '');
    const verify = (code: string) =>
      next.request({ method: 'POST', url: '/api/v1/auth/two-factor/verify', payload: { code } });
    expect((await verify(old)).statusCode).toBe(401);
    expect((await verify(await clock.code(secret))).statusCode).toBe(200);
  });

  it('with a current code from the authenticator in use instead of the password', async () => {
    const person = await newUser('supervisor', true);
    const caller = await signIn(person);
    const code = await clock.code(person.totpSecret ?? '');
    const started = await start(caller, { code });
    expect(started.statusCode).toBe(200);
    // The same code cannot be used again.
    expect((await start(caller, { code })).statusCode).toBe(400);
    const done = await confirm(caller, await clock.code(started.json().secret));
    expect(done.statusCode).toBe(200);
  });

  it("honours a client's safe-contact preferences: no mail when they allow none, no time without details", async () => {
    const client = h.cast.client;
    const caller = await signIn(client);
    // Default preferences: e-mail allowed, details not.
    const first = await start(caller, { password: PASSWORD });
    expect(first.statusCode).toBe(200);
    const secret: string = first.json().secret;
    expect((await confirm(caller, await clock.code(secret))).statusCode).toBe(200);
    clock.advance(30_000);
    const mail = await mailTo(client.email);
    const notice = mail.filter((m) => m.subject === 'A change to how you sign in');
    expect(notice.map((m) => m.text_body.split('\n')[0])).toEqual([
      'Two-factor sign-in was turned on for your account.',
    ]);

    const prefs = await caller.request({
      method: 'PATCH',
      url: '/api/v1/portal/preferences',
      payload: { safeContact: { mayEmail: false } },
    });
    expect(prefs.statusCode).toBe(200);
    const code = await clock.code(secret);
    const started = await start(caller, { code });
    expect(started.statusCode).toBe(200);
    const confirmCode = await clock.code(started.json().secret);
    expect((await confirm(caller, confirmCode)).statusCode).toBe(200);
    expect((await mailTo(client.email)).length).toBe(mail.length);
    expect(await auditOf(client, 'auth.two-factor.enrol')).toMatchObject([
      { detail: { replaced: false, notice: 'sent' } },
      { detail: { replaced: true, notice: 'skipped-preferences' } },
    ]);
  });
});
