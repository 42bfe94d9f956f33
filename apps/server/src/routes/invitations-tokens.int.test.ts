import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  bearerCaller,
  type Caller,
  createHarness,
  type Harness,
  signInAs,
} from '../testing/harness';
import { type Mailbox, openMailbox } from '../testing/mailbox';

let h: Harness;
let therapist: Caller;
let mailbox: Mailbox;
const DAY = 24 * 60 * 60 * 1000;
const realNow = (): Date => new Date();

beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
  mailbox = await openMailbox(h.services);
});
afterEach(() => {
  h.services.now = realNow;
});
afterAll(async () => {
  await mailbox?.close();
  await h?.close();
});

/** Moves the server's clock; only anonymous and bearer calls are made while it is moved. */
const moveClock = (ms: number): void => {
  h.services.now = () => new Date(Date.now() + ms);
};

async function count(table: 'clients' | 'users' | 'invitations' | 'outbox_messages') {
  const result = await h.services.db.execute<{ n: string }>(
    sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`,
  );
  return Number(result.rows[0]?.n);
}

async function inviteClient(email: string): Promise<string> {
  const created = await therapist.request({
    method: 'POST',
    url: '/api/v1/clients',
    payload: { displayName: 'Robin Invitee', email },
  });
  expect(created.statusCode).toBe(201);
  expect(created.json()).toMatchObject({ email, status: 'invited' });
  await mailbox.deliver();
  const [mail] = mailbox.to(email);
  expect(mail?.raw).toMatch(/^Subject: Your invitation from First Practice/m);
  return mailbox.linkFor(email, 'invitations');
}

const read = (token: string) =>
  anonymous(h.app).request({ method: 'GET', url: `/api/v1/invitations/${token}` });
const accept = (token: string, password: string) =>
  anonymous(h.app).request({
    method: 'POST',
    url: `/api/v1/invitations/${token}/accept`,
    payload: { password },
  });

describe('client invitations', () => {
  it('e-mails a single-use link that sets the password, after which the client signs in', async () => {
    const email = 'robin@invite.example';
    const token = await inviteClient(email);
    const shown = await read(token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      email,
      displayName: 'Robin Invitee',
      practiceName: 'First Practice',
      role: 'client',
    });

    const short = await accept(token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toMatch(/password/);
    expect(short.json().errors[0].path).toBe('body.password');

    expect((await accept(token, 'a good long pass phrase')).statusCode).toBe(204);
    const again = await accept(token, 'another good pass phrase');
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('INVITATION_INVALID');
    expect((await read(token)).statusCode).toBe(404);

    const signIn = await anonymous(h.app).request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: 'a good long pass phrase' },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toEqual({ next: 'done' });
    // The second use did not change the password.
    const stale = await anonymous(h.app).request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: 'another good pass phrase' },
    });
    expect(stale.statusCode).toBe(401);
    const list = await therapist.request({ method: 'GET', url: '/api/v1/clients' });
    const robin = list.json().items.find((c: { email: string }) => c.email === email);
    expect(robin.status).toBe('active');
  });

  it('answers 404 for a link older than 7 days, but not one just younger', async () => {
    const token = await inviteClient('late@invite.example');
    moveClock(7 * DAY - 60_000);
    expect((await read(token)).statusCode).toBe(200);
    moveClock(8 * DAY);
    const expired = await read(token);
    expect(expired.statusCode).toBe(404);
    expect(expired.json().detail).toMatch(/expired/);
    expect((await accept(token, 'a good long pass phrase')).statusCode).toBe(404);
  });

  it('answers 404 for a token that was never issued', async () => {
    expect((await read('x'.repeat(43))).statusCode).toBe(404);
  });

  it('refuses a duplicate e-mail with 409 and writes nothing', async () => {
    const before = await Promise.all(
      (['clients', 'users', 'invitations', 'outbox_messages'] as const).map(count),
    );
    const duplicate = await therapist.request({
      method: 'POST',
      url: '/api/v1/clients',
      payload: { displayName: 'Copy', email: h.cast.otherClient.email.toUpperCase() },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'CONFLICT', errors: [{ path: 'email' }] });
    const staff = await therapist.request({
      method: 'POST',
      url: '/api/v1/clients',
      payload: { displayName: 'Copy', email: h.cast.otherPracticeAdmin.email },
    });
    expect(staff.statusCode).toBe(409);
    const after = await Promise.all(
      (['clients', 'users', 'invitations', 'outbox_messages'] as const).map(count),
    );
    expect(after).toEqual(before);
  });
  it('answers two simultaneous invitations of one e-mail with one 201 and one 409', async () => {
    const send = () =>
      therapist.request({
        method: 'POST',
        url: '/api/v1/clients',
        payload: { displayName: 'Twin', email: 'twin@invite.example' },
      });
    const statuses = (await Promise.all([send(), send(), send()])).map((r) => r.statusCode);
    expect(statuses.sort()).toEqual([201, 409, 409]);
    const rows = await h.services.db.execute(
      sql`SELECT id FROM clients WHERE email = 'twin@invite.example'`,
    );
    expect(rows.rows).toHaveLength(1);
  });
});

describe('personal API tokens', () => {
  const bearer = (token: string) =>
    h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });

  it('shows a new token once, lists it without its value, and stores only a hash', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'nightly export' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token, expiresAt } = created.json();
    expect(token).toMatch(/^tl_[\w-]{20,}$/);
    const days = (new Date(expiresAt).getTime() - Date.now()) / DAY;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);

    const list = await therapist.request({ method: 'GET', url: '/api/v1/tokens' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ id, name: 'nightly export' }),
    );
    expect(list.body).not.toContain(token);
    expect(list.json().items[0]).not.toHaveProperty('token');

    const me = await bearer(token);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ userId: h.cast.therapist.userId, role: 'therapist' });

    const stored = await h.services.db.execute(sql`SELECT * FROM api_tokens WHERE id = ${id}`);
    expect(stored.rows).toHaveLength(1);
    const raw = JSON.stringify(stored.rows);
    expect(raw).not.toContain(token);
    expect(raw).not.toContain(token.slice(3));
  });

  it('refuses a revoked token, and a second revocation is 404', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'to revoke' },
    });
    const { id, token } = created.json();
    expect((await bearer(token)).statusCode).toBe(200);
    const revoke = () => therapist.request({ method: 'DELETE', url: `/api/v1/tokens/${id}` });
    expect((await revoke()).statusCode).toBe(204);
    const refused = await bearer(token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toMatch(/revoked/);
    expect((await revoke()).statusCode).toBe(404);
    const list = await therapist.request({ method: 'GET', url: '/api/v1/tokens' });
    const row = list.json().items.find((t: { id: string }) => t.id === id);
    expect(row.revokedAt).not.toBeNull();
  });

  it('refuses a token after it expires', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'short-lived', expiresInDays: 1 },
    });
    const { token } = created.json();
    moveClock(DAY - 60_000);
    expect((await bearer(token)).statusCode).toBe(200);
    moveClock(DAY + 60_000);
    expect((await bearer(token)).statusCode).toBe(401);
  });

  it('refuses an unknown or malformed bearer token with 401, never as anonymous', async () => {
    expect((await bearer('tl_not-a-real-token-at-all-really')).statusCode).toBe(401);
    const malformed = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(malformed.statusCode).toBe(401);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('lets neither a client nor a bearer caller create a token', async () => {
    const client = await signInAs(h.app, h.cast.client);
    const fromClient = await client.request({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'mine' },
    });
    expect(fromClient.statusCode).toBe(403);
    expect(fromClient.json().detail).toMatch(/for the practice's staff/);
    const script = await bearerCaller(h.app, h.services, h.cast.otherTherapist);
    const fromToken = await script.request({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'chained' },
    });
    expect(fromToken.statusCode).toBe(403);
    const count = await h.services.db.execute<{ n: string }>(
      sql`SELECT count(*) AS n FROM api_tokens WHERE name IN ('mine', 'chained')`,
    );
    expect(Number(count.rows[0]?.n)).toBe(0);
  });
});
