import { INVITATION_TTL_MS } from '@throughline/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { bodyOf } from '../mail/smtp-sink';
import {
  anonymous,
  type Caller,
  createHarness,
  type Harness,
  parseSetCookies,
  sessionCaller,
  signInAs,
} from '../testing/harness';
import { openMailbox } from '../testing/mailbox';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let admin: Caller;
const realNow = (): Date => new Date();
const PASSWORD = 'a long enough passphrase';

beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
  admin = await signInAs(h.app, h.cast.admin);
});
afterEach(() => {
  h.services.now = realNow;
});
afterAll(async () => h?.close());

/** A client created with e-mail switched off and no address: the answer carries the code. */
async function clientWithoutEmail(name: string): Promise<{ id: string; code: string }> {
  const created = await therapist.request({
    method: 'POST',
    url: '/api/v1/clients',
    payload: { displayName: name, safeContact: { mayEmail: false } },
  });
  expect(created.statusCode, created.body).toBe(201);
  const body = created.json();
  expect(body).toMatchObject({ email: null, invitationSent: false, status: 'invited' });
  expect(body.signUpCode.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return { id: body.id, code: body.signUpCode.code };
}

const redeem = (payload: Record<string, unknown>, app = h.app) =>
  anonymous(app).request({ method: 'POST', url: '/api/v1/auth/sign-up-code', payload });

async function auditCount(action: string, outcome: string): Promise<number> {
  const r = await h.database.pool.query(
    'SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND outcome = $2',
    [action, outcome],
  );
  return r.rows[0].n;
}

describe('sign-up codes', () => {
  it('creates a client without e-mail, shows the code once, and the client joins with it', async () => {
    const issuedBefore = await auditCount('sign-up-code.issue', 'success');
    const { id, code } = await clientWithoutEmail('Robin Nomail');
    expect(await auditCount('sign-up-code.issue', 'success')).toBe(issuedBefore + 1);

    // Shown once: reading the client again carries no code, and no mail was queued.
    const read = await therapist.request({ method: 'GET', url: `/api/v1/clients/${id}` });
    expect(read.json()).not.toHaveProperty('signUpCode');
    const mail = await h.database.pool.query(
      'SELECT count(*)::int AS n FROM outbox_messages WHERE text_body LIKE $1',
      [`%${code}%`],
    );
    expect(mail.rows[0].n).toBe(0);

    // Typed loosely (lower case, spaces for dashes), as a person would.
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const joined = await redeem({ code: typed, username: 'Robin.N', password: PASSWORD });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toEqual({ next: 'done' });
    const robin = sessionCaller(h.app, parseSetCookies(joined));
    const me = await robin.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.json()).toMatchObject({
      role: 'client',
      displayName: 'Robin Nomail',
      email: null,
      username: 'robin.n',
    });
    expect(await auditCount('sign-up-code.redeem', 'success')).toBeGreaterThanOrEqual(1);

    // The user name and password now sign in; the client shows as active to the therapist.
    const signIn = await anonymous(h.app).request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'ROBIN.N', password: PASSWORD },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const after = await therapist.request({ method: 'GET', url: `/api/v1/clients/${id}` });
    expect(after.json().status).toBe('active');

    // A second use is refused, clearly, and audited.
    const failedBefore = await auditCount('sign-up-code.redeem', 'failure');
    const again = await redeem({ code, username: 'someone.else', password: PASSWORD });
    expect(again.statusCode).toBe(410);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.json().detail).toMatch(/already been used/);
    expect(await auditCount('sign-up-code.redeem', 'failure')).toBe(failedBefore + 1);
  });

  it('keeps only a hash of the code: the database never holds it in plain text', async () => {
    const { id, code } = await clientWithoutEmail('Hash Check');
    const normalised = code.replace(/-/g, '');
    const r = await h.database.pool.query(
      `SELECT i.token_hash FROM invitations i JOIN clients c
         ON c.practice_id = i.practice_id AND c.user_id = i.user_id WHERE c.id = $1`,
      [id],
    );
    expect(r.rows).toHaveLength(1);
    const hash: string = r.rows[0].token_hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalised);
    // Nowhere else either: no column of any table holds the code.
    const dump = await h.database.pool.query(
      `SELECT count(*)::int AS n FROM (
         SELECT row_to_json(t)::text AS j FROM invitations t
         UNION ALL SELECT row_to_json(t)::text FROM audit_events t
         UNION ALL SELECT row_to_json(t)::text FROM outbox_messages t
         UNION ALL SELECT row_to_json(t)::text FROM users t
       ) rows WHERE j ILIKE $1 OR j ILIKE $2`,
      [`%${code}%`, `%${normalised}%`],
    );
    expect(dump.rows[0].n).toBe(0);
  });

  it('refuses an expired code with 410 and a message saying what to do', async () => {
    const { code } = await clientWithoutEmail('Late Comer');
    h.services.now = () => new Date(Date.now() + INVITATION_TTL_MS + 60_000);
    const late = await redeem({ code, username: 'late.comer', password: PASSWORD });
    expect(late.statusCode).toBe(410);
    expect(late.json().detail).toMatch(/expired/);
    expect(late.json().detail).toMatch(/Ask your therapist for a new one/);
  });

  it('refuses a wrong code with 404 and counts it: the address is limited after ten tries', async () => {
    // The harness app allows thousands of attempts; this one has the shipped limit.
    const app = await buildApp({ services: h.services });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const wrong = await redeem(
          {
            code: `WRNG-CODE-${String(i).padStart(4, '0')}`,
            username: 'x.y.z',
            password: PASSWORD,
          },
          app,
        );
        statuses.push(wrong.statusCode);
        if (i === 0) expect(wrong.json().detail).toMatch(/not right/);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
      expect(statuses[10]).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('lets the client choose an e-mail instead, which then receives mail', async () => {
    const { id, code } = await clientWithoutEmail('Mail Later');
    const joined = await redeem({ code, email: 'Mail.Later@example.test', password: PASSWORD });
    expect(joined.statusCode, joined.body).toBe(200);
    const after = await therapist.request({ method: 'GET', url: `/api/v1/clients/${id}` });
    expect(after.json()).toMatchObject({ email: 'mail.later@example.test', status: 'active' });
  });

  it('a refused choice leaves the code usable: a taken user name', async () => {
    const first = await clientWithoutEmail('First Name');
    expect(
      (await redeem({ code: first.code, username: 'taken.name', password: PASSWORD })).statusCode,
    ).toBe(200);
    const second = await clientWithoutEmail('Second Name');
    const clash = await redeem({ code: second.code, username: 'Taken.Name', password: PASSWORD });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toMatch(/user name is taken/);
    const retry = await redeem({ code: second.code, username: 'second.name', password: PASSWORD });
    expect(retry.statusCode, retry.body).toBe(200);
  });

  it('wants exactly one of e-mail and user name', async () => {
    const { code } = await clientWithoutEmail('Both Given');
    const both = await redeem({
      code,
      email: 'a@example.test',
      username: 'ab.c',
      password: PASSWORD,
    });
    expect(both.statusCode).toBe(400);
    const neither = await redeem({ code, password: PASSWORD });
    expect(neither.statusCode).toBe(400);
  });

  it('a new code replaces the old one; only the therapist of the client may make it, never an admin', async () => {
    const { id, code } = await clientWithoutEmail('Lost Code');
    const url = `/api/v1/clients/${id}/sign-up-code`;
    expect((await otherTherapist.request({ method: 'POST', url })).statusCode).toBe(404);
    expect((await admin.request({ method: 'POST', url })).statusCode).toBe(404);
    const fresh = await therapist.request({ method: 'POST', url });
    expect(fresh.statusCode, fresh.body).toBe(201);
    const newCode: string = fresh.json().code;
    expect(newCode).not.toBe(code);
    const old = await redeem({ code, username: 'lost.code', password: PASSWORD });
    expect(old.statusCode).toBe(410);
    const ok = await redeem({ code: newCode, username: 'lost.code', password: PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    // Signed up: there is no code left to give.
    expect((await therapist.request({ method: 'POST', url })).statusCode).toBe(409);
  });

  it('still asks for an e-mail when e-mail is on, unless the therapist leaves it out for a code', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: '/api/v1/clients',
      payload: {
        displayName: 'Kept Quiet',
        email: 'kept.quiet@example.test',
        safeContact: { mayEmail: false },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      invitationSent: false,
      email: 'kept.quiet@example.test',
    });
    expect(created.json().signUpCode.code).toBeTruthy();
  });
});

describe('the invitation e-mail and page (issue 9, item 9)', () => {
  it('greets the client by the name they go by and says who invites them', async () => {
    const mailbox = await openMailbox(h.services);
    try {
      const created = await therapist.request({
        method: 'POST',
        url: '/api/v1/clients',
        payload: {
          displayName: 'Robin Greeted',
          preferredName: 'Robin',
          email: 'robin.greeted@example.test',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ invitationSent: true, signUpCode: null });
      await mailbox.deliver();
      const [mail] = mailbox.to('robin.greeted@example.test');
      const body = bodyOf(mail?.raw ?? '');
      const therapistName = h.cast.therapist.key;
      expect(body).toMatch(/^Hello Robin,/m);
      expect(body).toContain(
        `${therapistName} at First Practice has set up a secure portal account`,
      );
      const token = mailbox.linkFor('robin.greeted@example.test', 'invitations');
      const page = await anonymous(h.app).request({
        method: 'GET',
        url: `/api/v1/invitations/${token}`,
      });
      expect(page.json()).toMatchObject({
        preferredName: 'Robin',
        inviterName: therapistName,
        practiceName: 'First Practice',
      });
    } finally {
      await mailbox.close();
    }
  });
});
