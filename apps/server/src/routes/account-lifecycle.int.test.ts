import {
  acceptInvitation,
  createUserWithPassword,
  inviteClient,
  issueApiTokenForEmail,
  issueInvitationLink,
  newTotpSecret,
} from '@throughline/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf } from '../mail/smtp-sink';
import { actingAs, operatorContext } from '../operator';
import {
  anonymous,
  type Caller,
  createHarness,
  type Harness,
  PASSWORD,
  type Person,
  sealAuditEvents,
  sessionCaller,
  signInAs,
} from '../testing/harness';
import { type Mailbox, openMailbox } from '../testing/mailbox';

// Issue 7 item 13: password change and reset, sign-out everywhere, deactivation.

let h: Harness;
let mailbox: Mailbox;
let admin: Caller;
const realNow = (): Date => new Date();
const NEW_PASSWORD = 'a brand new pass phrase';

beforeAll(async () => {
  h = await createHarness();
  mailbox = await openMailbox(h.services);
  admin = await signInAs(h.app, h.cast.admin);
});
afterEach(() => {
  h.services.now = realNow;
});
afterAll(async () => {
  await mailbox?.close();
  await h?.close();
});

let serial = 0;
/** A client of the first practice with a password, signed in nowhere yet. */
async function newClient(options: { mayEmail?: boolean } = {}): Promise<string> {
  serial += 1;
  const email = `lifecycle-${serial}@test.example`;
  const { therapist } = h.cast;
  await inviteClient(
    actingAs(h.services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    }),
    { displayName: `Lifecycle ${serial}`, email },
  );
  // The queued invitation e-mail is cancelled when the dispatcher finds it accepted.
  await acceptInvitation(
    operatorContext(h.services),
    await issueInvitationLink(h.services, email),
    PASSWORD,
  );
  if (options.mayEmail === false) {
    await h.database.pool.query('UPDATE clients SET may_email = false WHERE email = $1', [email]);
  }
  return email;
}

async function signIn(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
  return anonymous(h.app).request({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
}

async function session(email: string, password = PASSWORD): Promise<Caller> {
  const response = await signIn(email, password);
  expect(response.statusCode, response.body).toBe(200);
  return sessionCaller(h.app, Object.fromEntries(response.cookies.map((c) => [c.name, c.value])));
}

const requestReset = (email: string) =>
  anonymous(h.app).request({
    method: 'POST',
    url: '/api/v1/auth/password-reset',
    payload: { email },
  });
const completeReset = (token: string, password = NEW_PASSWORD) =>
  anonymous(h.app).request({
    method: 'POST',
    url: '/api/v1/auth/password-reset/complete',
    payload: { token, password },
  });
const me = (caller: Caller) => caller.request({ method: 'GET', url: '/api/v1/me' });

async function audited(action: string, outcome = 'success'): Promise<number> {
  await sealAuditEvents(h.services.db);
  const result = await h.database.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND outcome = $2',
    [action, outcome],
  );
  return result.rows[0]?.n ?? 0;
}

describe('password reset by e-mail', () => {
  it('e-mails a single-use link that sets a new password, ends every session and clears the lockout', async () => {
    const email = await newClient();
    const existing = await session(email);
    for (let i = 0; i < 5; i++)
      expect((await signIn(email, 'wrong password')).statusCode).toBe(401);
    expect((await signIn(email)).statusCode).toBe(401); // locked, and it does not say so

    const asked = await requestReset(email);
    expect(asked.statusCode).toBe(202);
    await mailbox.deliver();
    const [mail] = mailbox.to(email);
    // Neutral: no practice name, nothing clinical, the configured neutral sender.
    expect(mail?.raw).toMatch(/^Subject: Reset your password$/m);
    expect(mail?.raw).not.toMatch(/First Practice/);
    expect(mail?.from).toBe('no-reply@test.example');
    const token = mailbox.linkFor(email, 'reset-password');
    expect(bodyOf(mail?.raw ?? '')).toContain(`http://localhost:3000/reset-password/${token}`);

    expect((await completeReset(token)).statusCode).toBe(204);
    const again = await completeReset(token, 'yet another pass phrase');
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('LINK_INVALID');

    expect((await me(existing)).statusCode).toBe(401);
    expect((await signIn(email)).statusCode).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
    expect(await audited('auth.password-reset')).toBeGreaterThanOrEqual(1);
  });

  it('answers the same whether or not the address has an account, and mails only real ones', async () => {
    const email = await newClient();
    const known = await requestReset(email);
    const unknown = await requestReset('nobody-at-all@test.example');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    await mailbox.deliver();
    expect(mailbox.to(email)).toHaveLength(1);
    expect(mailbox.to('nobody-at-all@test.example')).toHaveLength(0);
  });

  it('keeps no link in any table', async () => {
    const email = await newClient();
    await requestReset(email);
    await mailbox.deliver();
    const token = mailbox.linkFor(email, 'reset-password');
    const rows = await h.database.pool.query(
      `SELECT 'outbox' FROM outbox_messages o WHERE strpos(o::text, $1) > 0
       UNION ALL SELECT 'resets' FROM password_resets r WHERE strpos(r::text, $1) > 0`,
      [token],
    );
    expect(rows.rows).toEqual([]);
  });

  it('stops working after an hour, and when a newer link is sent', async () => {
    const email = await newClient();
    await requestReset(email);
    await mailbox.deliver();
    const first = mailbox.linkFor(email, 'reset-password');
    await requestReset(email);
    await mailbox.deliver();
    const second = mailbox.linkFor(email, 'reset-password');
    expect(second).not.toBe(first);
    expect((await completeReset(first)).statusCode).toBe(404);

    h.services.now = () => new Date(Date.now() + 61 * 60_000);
    expect((await completeReset(second)).statusCode).toBe(404);
    h.services.now = () => new Date(Date.now() + 59 * 60_000);
    expect((await completeReset(second)).statusCode).toBe(204);
  });

  it('sends nothing to a client who may not be e-mailed, and at most three an hour', async () => {
    const quiet = await newClient({ mayEmail: false });
    const quietAnswer = await requestReset(quiet);
    expect(quietAnswer.statusCode).toBe(202);
    const busy = await newClient();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await requestReset(busy));
    // The same answer whether a mail goes out, is held back by safe contact or by the limit.
    for (const answer of answers) {
      expect(answer.statusCode).toBe(202);
      expect(answer.body).toBe(quietAnswer.body);
      expect(answer.headers['content-type']).toBe(quietAnswer.headers['content-type']);
    }
    await mailbox.deliver();
    expect(mailbox.to(quiet)).toHaveLength(0);
    expect(mailbox.to(busy)).toHaveLength(3);
  });
});

describe('password change', () => {
  it('needs the current password, ends the other sessions and keeps this one', async () => {
    const email = await newClient();
    const here = await session(email);
    const elsewhere = await session(email);
    const wrong = await here.request({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('currentPassword');
    expect((await signIn(email)).statusCode).toBe(200);

    const changed = await here.request({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().sessionsEnded).toBe(2); // `elsewhere` and the check sign-in above
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await signIn(email)).statusCode).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
    await mailbox.deliver();
    expect(mailbox.to(email).at(-1)?.raw).toMatch(/^Subject: A change to how you sign in$/m);
  });
});

/** A therapist of the first practice with a password and two-factor. */
async function staff(email: string): Promise<Person> {
  const totpSecret = newTotpSecret();
  const user = await createUserWithPassword(operatorContext(h.services), {
    practiceId: h.cast.admin.practiceId,
    email,
    displayName: email,
    role: 'therapist',
    password: PASSWORD,
    totpSecret,
  });
  return {
    key: email,
    email,
    role: 'therapist',
    userId: user.id,
    practiceId: h.cast.admin.practiceId,
    totpSecret,
  };
}

describe('sign out everywhere', () => {
  it('ends every session, this one included, and revokes the API tokens', async () => {
    // A staff member: only staff hold personal API tokens.
    const person = await staff('everywhere@test.example');
    const { email } = person;
    const here = await signInAs(h.app, person);
    // A second sign-in, stopped at its two-factor step (the code cannot be used twice).
    const elsewhere = await session(email);
    const issued = await issueApiTokenForEmail(operatorContext(h.services), {
      email,
      name: 'script',
      expiresInDays: 1,
    });
    const bearer = (): Promise<LightMyRequestResponse> =>
      h.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${issued.token}` },
      });
    expect((await bearer()).statusCode).toBe(200);
    const out = await here.request({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere' });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ sessionsEnded: 2, tokensRevoked: 1 });
    expect((await me(here)).statusCode).toBe(401);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await bearer()).statusCode).toBe(401);
    expect((await signIn(email)).statusCode).toBe(200);
  });

  it('for a client too, who holds no API tokens', async () => {
    const email = await newClient();
    const here = await session(email);
    const out = await here.request({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere' });
    expect(out.json()).toEqual({ sessionsEnded: 1, tokensRevoked: 0 });
  });
});

describe('deactivation by a practice administrator', () => {
  const deactivate = (id: string) =>
    admin.request({ method: 'POST', url: `/api/v1/admin/users/${id}/deactivate` });
  const reactivate = (id: string) =>
    admin.request({ method: 'POST', url: `/api/v1/admin/users/${id}/reactivate` });

  it('ends sessions and API tokens at once, refuses sign-in, and is reversible', async () => {
    const leaving = await staff('leaving@test.example');
    const signedIn = await signInAs(h.app, leaving);
    const issued = await issueApiTokenForEmail(operatorContext(h.services), {
      email: leaving.email,
      name: 'script',
      expiresInDays: 1,
    });
    const bearer = (): Promise<LightMyRequestResponse> =>
      h.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${issued.token}` },
      });
    const before = await audited('user.deactivate');

    const done = await deactivate(leaving.userId);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('deactivated');
    expect((await me(signedIn)).statusCode).toBe(401);
    expect((await bearer()).statusCode).toBe(401);
    const refused = await signIn(leaving.email);
    const unknown = await signIn('no-such-person@test.example');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toBe(unknown.json().detail);
    expect(await audited('user.deactivate')).toBe(before + 1);

    const back = await reactivate(leaving.userId);
    expect(back.statusCode).toBe(200);
    expect(back.json().status).toBe('active');
    expect((await signIn(leaving.email)).statusCode).toBe(200);
    // Old sessions and tokens stay ended.
    expect((await bearer()).statusCode).toBe(401);
    expect(await audited('user.reactivate')).toBeGreaterThanOrEqual(1);
  });

  it('a deactivated invitee cannot accept the invitation', async () => {
    const invited = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { email: 'not-yet@test.example', displayName: 'Not Yet', role: 'supervisor' },
    });
    expect(invited.statusCode).toBe(201);
    await mailbox.deliver();
    const token = mailbox.linkFor('not-yet@test.example', 'invitations');
    expect((await deactivate(invited.json().id)).statusCode).toBe(200);
    const accepted = await anonymous(h.app).request({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: NEW_PASSWORD },
    });
    expect(accepted.statusCode).toBe(404);
  });

  it('the last active administrator cannot deactivate themself', async () => {
    const self = await deactivate(h.cast.admin.userId);
    expect(self.statusCode).toBe(409);
    expect(self.json().detail).toMatch(/last active administrator/);
    expect((await me(admin)).statusCode).toBe(200);
  });

  it('answers 404 for a user of another practice', async () => {
    const other = await deactivate(h.cast.otherPracticeTherapist.userId);
    expect(other.statusCode).toBe(404);
    expect((await signIn(h.cast.otherPracticeTherapist.email)).statusCode).toBe(200);
  });
});
