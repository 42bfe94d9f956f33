import { createServer, type Server } from 'node:net';
import { dispatchOutbox, enqueueEmail, inTransaction } from '@throughline/domain';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';
import { bodyOf, type SmtpSink, startSmtpSink } from './smtp-sink';

const FROM = 'Throughline <no-reply@test.example>';

let h: Harness;
let sink: SmtpSink;
let therapist: Caller;
beforeAll(async () => {
  h = await createHarness();
  sink = await startSmtpSink();
  therapist = await signInAs(h.app, h.cast.therapist);
});
afterAll(async () => {
  await sink?.close();
  await h?.close();
});

const sinkTransport = () =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
  });

/** A loopback port with nothing listening: connections are refused at once. */
async function deadPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type OutboxRow = {
  id: string;
  to_address: string;
  kind: string;
  subject: string | null;
  text_body: string | null;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  retry_in_future: boolean;
};

async function outboxFor(email: string): Promise<OutboxRow[]> {
  const result = await h.database.pool.query<OutboxRow>(
    `SELECT id, to_address, kind, subject, text_body, status, attempts, last_error, sent_at,
            next_attempt_at > now() AS retry_in_future
     FROM outbox_messages WHERE to_address = $1`,
    [email],
  );
  return result.rows;
}

async function inviteClient(email: string): Promise<void> {
  const response = await therapist.request({
    method: 'POST',
    url: '/api/v1/clients',
    payload: { displayName: 'Alex Example', email },
  });
  expect(response.statusCode, response.body).toBe(201);
}

describe('outbox delivery over SMTP', () => {
  it('queues the invitation of a new client and delivers it to the recipient once', async () => {
    const email = 'new.client@test.example';
    await inviteClient(email);
    const [queued] = await outboxFor(email);
    // No link exists yet: only the kind and a reference are queued.
    expect(queued).toMatchObject({
      kind: 'invitation',
      subject: null,
      text_body: null,
      status: 'pending',
      attempts: 0,
      sent_at: null,
    });

    const sent = await dispatchOutbox(h.services, { transport: sinkTransport(), from: FROM });
    expect(sent).toBeGreaterThanOrEqual(1); // the cast's invitations were pending too
    const received = sink.messages.filter((m) => m.to.includes(email));
    expect(received).toHaveLength(1);
    const message = received[0];
    expect(message?.from).toBe('no-reply@test.example');
    expect(message?.raw).toMatch(new RegExp(`^To: ${email.replace('.', '\\.')}`, 'm'));
    expect(message?.raw).toMatch(/^Subject: Your invitation from First Practice/m);
    expect(bodyOf(message?.raw ?? '')).toMatch(/http:\/\/localhost:3000\/invitations\/[\w-]{43}/);

    const [after] = await outboxFor(email);
    expect(after).toMatchObject({ status: 'sent', attempts: 1, last_error: null, text_body: null });
    expect(after?.sent_at).toBeInstanceOf(Date);

    // Nothing left to send, and a second run does not send it again.
    expect(await dispatchOutbox(h.services, { transport: sinkTransport(), from: FROM })).toBe(0);
    expect(sink.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('keeps a message pending with the error when the SMTP server is unreachable, then retries', async () => {
    const email = 'unlucky.client@test.example';
    await inviteClient(email);
    const broken = nodemailer.createTransport({
      host: '127.0.0.1',
      port: await deadPort(),
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 2000,
    });
    expect(await dispatchOutbox(h.services, { transport: broken, from: FROM })).toBe(1);
    const [failed] = await outboxFor(email);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(failed?.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(failed?.retry_in_future).toBe(true);
    expect(sink.messages.some((m) => m.to.includes(email))).toBe(false);

    // Backing off: not retried at once, even with a working server.
    expect(await dispatchOutbox(h.services, { transport: sinkTransport(), from: FROM })).toBe(0);
    // When the back-off has passed it goes out, and the error is cleared.
    await h.database.pool.query(
      'UPDATE outbox_messages SET next_attempt_at = now() WHERE to_address = $1',
      [email],
    );
    expect(await dispatchOutbox(h.services, { transport: sinkTransport(), from: FROM })).toBe(1);
    const [retried] = await outboxFor(email);
    expect(retried).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(sink.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('never sends a message twice when several dispatchers race', async () => {
    const COUNT = 30;
    const recipients = Array.from({ length: COUNT }, (_, i) => `race-${i}@test.example`);
    await inTransaction(h.services.db, async (tx) => {
      for (const to of recipients) {
        await enqueueEmail(tx, {
          practiceId: h.cast.admin.practiceId,
          to,
          subject: 'Race',
          text: `Message for ${to}`,
        });
      }
    });
    const transport = sinkTransport();
    const dispatcher = async (): Promise<number> => {
      let total = 0;
      while (true) {
        const n = await dispatchOutbox(h.services, { transport, from: FROM, batch: 4 });
        if (n === 0) return total;
        total += n;
      }
    };
    const counts = await Promise.all([dispatcher(), dispatcher(), dispatcher(), dispatcher()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(COUNT);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1); // they really did share
    for (const to of recipients) {
      expect(
        sink.messages.filter((m) => m.to.includes(to)),
        to,
      ).toHaveLength(1);
    }
    const result = await h.database.pool.query<{ status: string; attempts: number; n: number }>(
      `SELECT status, attempts, count(*)::int AS n FROM outbox_messages
       WHERE to_address LIKE 'race-%' GROUP BY status, attempts`,
    );
    expect(result.rows).toEqual([{ status: 'sent', attempts: 1, n: COUNT }]);
    // Delivered mail keeps recipient, kind and times only.
    const kept = await h.database.pool.query(
      `SELECT count(*)::int AS n FROM outbox_messages
       WHERE to_address LIKE 'race-%' AND (subject IS NOT NULL OR text_body IS NOT NULL)`,
    );
    expect(kept.rows[0]).toEqual({ n: 0 });
  });
});
