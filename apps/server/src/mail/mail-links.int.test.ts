import { createServer, type Server } from 'node:net';
import { dispatchOutbox, issueInvitationLink } from '@throughline/domain';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  type Caller,
  createHarness,
  type Harness,
  sealAuditEvents,
  signInAs,
} from '../testing/harness';
import { MAIL_FROM, type Mailbox, openMailbox } from '../testing/mailbox';

// Issue 7 item 1: an administrator could read live invitation links in the outbox.

let h: Harness;
let mailbox: Mailbox;
let therapist: Caller;
let admin: Caller;
beforeAll(async () => {
  h = await createHarness();
  mailbox = await openMailbox(h.services);
  therapist = await signInAs(h.app, h.cast.therapist);
  admin = await signInAs(h.app, h.cast.admin);
});
afterAll(async () => {
  await mailbox?.close();
  await h?.close();
});

async function inviteClient(email: string): Promise<void> {
  const response = await therapist.request({
    method: 'POST',
    url: '/api/v1/clients',
    payload: { displayName: 'Link Test', email },
  });
  expect(response.statusCode, response.body).toBe(201);
}

const accept = (token: string, password: string) =>
  anonymous(h.app).request({
    method: 'POST',
    url: `/api/v1/invitations/${token}/accept`,
    payload: { password },
  });
const readInvitation = (token: string) =>
  anonymous(h.app).request({ method: 'GET', url: `/api/v1/invitations/${token}` });

/** Every user table whose row text contains `needle` (public schema and the job queue's). */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await h.database.pool.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const found: string[] = [];
  for (const t of tables.rows) {
    const ident = `"${t.schema}"."${t.name}"`;
    const hit = await h.database.pool.query(
      `SELECT 1 FROM ${ident} AS r WHERE strpos(r::text, $1) > 0 LIMIT 1`,
      [needle],
    );
    if (hit.rowCount) found.push(ident);
  }
  return found;
}

async function auditCount(action: string, actor: string): Promise<number> {
  await sealAuditEvents(h.services.db);
  const result = await h.database.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events
     WHERE action = $1 AND actor_user_id = $2 AND outcome = 'success'`,
    [action, actor],
  );
  return result.rows[0]?.n ?? 0;
}

describe('one-time links exist only in the e-mail that carries them', () => {
  it('the admin outbox shows recipient, kind and delivery, never a link or text', async () => {
    const email = 'outbox.reader@test.example';
    await inviteClient(email);
    await mailbox.deliver();
    const token = mailbox.linkFor(email, 'invitations');

    const outbox = await admin.request({ method: 'GET', url: '/api/v1/admin/outbox?limit=200' });
    expect(outbox.statusCode).toBe(200);
    expect(outbox.body).not.toContain(token);
    expect(outbox.body).not.toContain('/invitations/');
    const mail = outbox.json().items.find((m: { to: string }) => m.to === email);
    expect(Object.keys(mail).sort()).toEqual(
      ['attempts', 'createdAt', 'id', 'kind', 'lastError', 'sentAt', 'status', 'to'].sort(),
    );
    expect(mail).toMatchObject({ kind: 'invitation', status: 'sent' });
  });

  it('no table holds the plaintext link after invite and delivery', async () => {
    const email = 'scan.me@test.example';
    await inviteClient(email);
    await mailbox.deliver();
    const token = mailbox.linkFor(email, 'invitations');
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(await tablesContaining(token)).toEqual([]);
    // The scan itself works: the e-mail address is found where it is stored.
    expect(await tablesContaining(email)).toEqual(
      expect.arrayContaining(['"public"."users"', '"public"."outbox_messages"']),
    );
  });

  it('the link received over SMTP works once', async () => {
    const email = 'once.only@test.example';
    await inviteClient(email);
    await mailbox.deliver();
    const token = mailbox.linkFor(email, 'invitations');
    expect((await readInvitation(token)).statusCode).toBe(200);
    expect((await accept(token, 'a good long pass phrase')).statusCode).toBe(204);
    expect((await accept(token, 'another long pass phrase')).statusCode).toBe(404);
  });

  it('an earlier link stops working when a newer one is sent', async () => {
    const email = 'newest.wins@test.example';
    await inviteClient(email);
    await mailbox.deliver();
    const first = mailbox.linkFor(email, 'invitations');
    // The operator mints a new link (`throughline invitation link`): only it works now.
    const second = await issueInvitationLink(h.services, email);
    expect(second).not.toBe(first);
    expect((await readInvitation(first)).statusCode).toBe(404);
    expect((await accept(first, 'a good long pass phrase')).statusCode).toBe(404);
    expect((await accept(second, 'a good long pass phrase')).statusCode).toBe(204);
  });

  it('a failed send stores no link; the retry mints and sends a new one', async () => {
    const email = 'retry.later@test.example';
    await inviteClient(email);
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const broken = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    expect(await dispatchOutbox(h.services, { transport: broken, from: MAIL_FROM })).toBe(1);
    const row = await h.database.pool.query(
      `SELECT o.status, o.text_body, i.token_hash FROM outbox_messages o
       JOIN invitations i ON i.practice_id = o.practice_id AND i.id = o.invitation_id
       WHERE o.to_address = $1`,
      [email],
    );
    expect(row.rows[0]).toEqual({ status: 'pending', text_body: null, token_hash: null });
    await h.database.pool.query(
      'UPDATE outbox_messages SET next_attempt_at = now() WHERE to_address = $1',
      [email],
    );
    await mailbox.deliver();
    const token = mailbox.linkFor(email, 'invitations');
    expect((await readInvitation(token)).statusCode).toBe(200);
  });

  it('audits every outbox and user-list read by an administrator', async () => {
    const before = {
      outbox: await auditCount('outbox.read', h.cast.admin.userId),
      users: await auditCount('user.list', h.cast.admin.userId),
    };
    expect((await admin.request({ method: 'GET', url: '/api/v1/admin/outbox' })).statusCode).toBe(
      200,
    );
    expect((await admin.request({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(
      200,
    );
    expect((await admin.request({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(
      200,
    );
    expect(await auditCount('outbox.read', h.cast.admin.userId)).toBe(before.outbox + 1);
    expect(await auditCount('user.list', h.cast.admin.userId)).toBe(before.users + 2);
  });
});
