import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClientZone } from '../testing/appointments-fixtures';
import { SEALED } from '../testing/encrypted-columns';
import { openEpisodeFor } from '../testing/episodes';
import { type Caller, createHarness, type Harness } from '../testing/harness';
import { multipartFile } from '../testing/multipart';
import { signInOnClock, type TestClock, testClock } from '../testing/sign-in';

// The contact agreement and secure messages (issue 10) through the API, on a controlled clock: a
// therapist in New York (Monday–Friday 09:00–17:00 their time) and a client in London.
let h: Harness;
let clock: TestClock;
let episodeId = '';
const KEYS = ['therapist', 'client', 'otherTherapist', 'otherClient', 'admin'] as const;
const who = {} as Record<(typeof KEYS)[number], Caller>;

/** Moves the clock to `iso` (minus the sign-in's own steps) and signs everyone in again. */
async function at(iso: string): Promise<void> {
  clock.set(Date.parse(iso) - 5 * 31_000);
  for (const key of KEYS) {
    who[key] = await signInOnClock(h.app, clock, h.cast[key]);
  }
  clock.set(Date.parse(iso));
}

const terms = {
  channels: { messages: true, email: true, phone: false },
  availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' })),
  responseTimeHours: 48,
  timeZone: 'America/New_York',
};

const url = (path = '') => `/api/v1/episodes/${episodeId}${path}`;
const send = (c: Caller, body: string) =>
  c.request({ method: 'POST', url: url('/messages'), payload: { body } });
const propose = (c: Caller, payload: Record<string, unknown> = terms) =>
  c.request({ method: 'POST', url: url('/contact-agreement'), payload });
const accept = (c: Caller, version: number) =>
  c.request({ method: 'POST', url: url('/contact-agreement/accept'), payload: { version } });

async function messageCount(): Promise<number> {
  const r = await h.services.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM messages WHERE episode_id = ${episodeId}`,
  );
  return r.rows[0]?.n ?? 0;
}

function problem(r: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  const body = r.json();
  expect(body.code).toBe(code);
  return body;
}

beforeAll(async () => {
  h = await createHarness();
  clock = testClock();
  h.services.now = clock.now;
  episodeId = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
  await setClientZone(h, h.cast.client.clientId ?? '', 'Europe/London');
  // Wednesday 11 March 2026, 13:30 in London = 09:30 in New York (EDT since 8 March).
  await at('2026-03-11T13:30:00Z');
});
afterAll(async () => h?.close());

describe('the contact agreement', () => {
  it('is a 404 before one is proposed, and messages are refused naming the rule', async () => {
    problem(
      await who.therapist.request({ method: 'GET', url: url('/contact-agreement') }),
      404,
      'NOT_FOUND',
    );
    const refused = problem(await send(who.client, 'Hello'), 409, 'CONTACT_AGREEMENT_REQUIRED');
    expect(refused.rule).toBe('contact-agreement-accepted');
    expect(refused.detail).toMatch(/no contact agreement/i);
    expect(await messageCount()).toBe(0);
  });

  it('refuses bad terms with a message a person can act on', async () => {
    const bad = [
      { ...terms, availability: [{ weekday: 8, from: '09:00', to: '17:00' }] },
      { ...terms, availability: [{ weekday: 1, from: '17:00', to: '09:00' }] },
      { ...terms, availability: [{ weekday: 1, from: '9am', to: '17:00' }] },
      { ...terms, responseTimeHours: 0 },
      { ...terms, timeZone: 'Mars/Olympus' },
      { channels: terms.channels },
    ];
    for (const payload of bad) {
      const r = await propose(who.therapist, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().detail.length).toBeGreaterThan(10);
    }
    problem(
      await who.therapist.request({ method: 'GET', url: url('/contact-agreement') }),
      404,
      'NOT_FOUND',
    );
  });

  it('is proposed by the therapist with the practice defaults, and only by them', async () => {
    problem(await propose(who.client), 404, 'NOT_FOUND');
    problem(await propose(who.otherTherapist), 404, 'NOT_FOUND');
    const r = await propose(who.therapist);
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({ version: 1, state: 'proposed', acceptedAt: null });
    expect(body.terms.purpose).toMatch(/not therapy by text/);
    expect(body.terms.safetyNet).toMatch(/safety net, not monitoring/);
    // The client sees the New York hours in London time, as they are that week (4 h apart).
    expect(body.clientTimeZone).toBe('Europe/London');
    expect(body.clientAvailability[0]).toEqual({
      weekday: 1,
      from: '13:00',
      to: '21:00',
      endsNextDay: false,
    });
    expect(body.crisisResources.verified).toBe(false);
    expect(body.parties).toEqual([
      { party: 'client', response: 'pending', respondedAt: null },
      { party: 'therapist', response: 'accepted', respondedAt: expect.any(String) },
    ]);
  });

  it('governs nothing until the client accepts it; someone else cannot accept it', async () => {
    problem(await send(who.client, 'Hello'), 409, 'CONTACT_AGREEMENT_REQUIRED');
    problem(await accept(who.otherClient, 1), 404, 'NOT_FOUND');
    problem(
      await who.otherClient.request({ method: 'GET', url: url('/contact-agreement') }),
      404,
      'NOT_FOUND',
    );
    problem(await accept(who.client, 7), 404, 'NOT_FOUND');
    const r = await accept(who.client, 1);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ version: 1, state: 'accepted', governingVersion: 1 });
    expect(r.json().acceptedAt).toBe(clock.now().toISOString());
    const bad = await who.client.request({
      method: 'POST',
      url: url('/contact-agreement/accept'),
      payload: { version: 'one' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('messages', () => {
  it('are sent within hours without an auto-reply, sealed at rest, and e-mailed as a notice', async () => {
    const r = await send(who.client, 'Can we move Friday to 4pm? Fox-trot marker');
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({ from: 'client', mine: true, outsideHours: false, readAt: null });
    expect(body).not.toHaveProperty('autoReply');
    expect(body).not.toHaveProperty('crisisResources');
    const raw = await h.services.db.execute<{ body: string }>(
      sql`SELECT body FROM messages WHERE id = ${body.id}`,
    );
    expect(raw.rows[0]?.body).toMatch(SEALED);
    expect(raw.rows[0]?.body).not.toContain('Fox-trot');
    const mail = await h.services.db.execute<{ to_address: string; text_body: string }>(
      sql`SELECT to_address, text_body FROM outbox_messages WHERE kind = 'message'`,
    );
    expect(mail.rows.map((m) => m.to_address)).toEqual([h.cast.therapist.email]);
    expect(mail.rows[0]?.text_body).not.toContain('Fox-trot');
  });

  it("answers a message outside the therapist's hours with the auto-reply at once", async () => {
    // 23:00 in London = 19:00 in New York.
    await at('2026-03-11T23:00:00Z');
    const r = await send(who.client, 'Thinking about Friday again.');
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.outsideHours).toBe(true);
    expect(body.autoReply.responseTimeHours).toBe(48);
    expect(body.autoReply.text).toMatch(/within 2 days/);
    expect(body.autoReply.crisisResources.lines.map((l: { contact: string }) => l.contact)).toEqual(
      ['116 123', '999', '988', '112'],
    );
    expect(body).not.toHaveProperty('crisisResources');
  });

  it('screens risk language: an urgent alert with the phrase, crisis resources for the client', async () => {
    const r = await send(who.client, "Honestly I want to die. I can't do this.");
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().crisisResources.title).toMatch(/harming yourself/);
    const negated = await send(who.client, "Don't worry, I'm not going to kill myself.");
    expect(negated.statusCode).toBe(201);
    expect(negated.json()).not.toHaveProperty('crisisResources');
    const alerts = await who.therapist.request({ method: 'GET', url: url('/alerts') });
    const items = alerts.json().items.filter((a: { kind: string }) => a.kind === 'risk-language');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      severity: 'urgent',
      rule: 'risk-language',
      inputs: { phrase: 'want to die', negated: false, list: 'en-1' },
    });
    expect(items[0].explanation).toMatch(/"want to die"/);
    expect(items[1]).toMatchObject({
      severity: 'warning',
      inputs: { phrase: 'kill myself', negated: true },
    });
    // The alert does not copy the message.
    expect(JSON.stringify(items)).not.toMatch(/can't do this/);
  });

  it('refuses empty and oversize messages, storing nothing', async () => {
    const before = await messageCount();
    for (const body of ['', '   \n ', 'x'.repeat(4001)]) {
      const r = await send(who.client, body);
      expect(r.statusCode).toBe(400);
      expect(r.json().detail).toMatch(/empty|at most 4000/);
    }
    expect(
      (await who.client.request({ method: 'POST', url: url('/messages'), payload: {} })).statusCode,
    ).toBe(400);
    expect(await messageCount()).toBe(before);
  });

  it('lists the conversation for its two parties only, with read state both ways', async () => {
    const list = await who.therapist.request({ method: 'GET', url: url('/messages') });
    expect(list.statusCode).toBe(200);
    expect(list.json().unread).toBe(4);
    expect(list.json().items[0]).toMatchObject({
      from: 'client',
      mine: false,
      body: 'Can we move Friday to 4pm? Fox-trot marker',
    });
    for (const c of [who.otherTherapist, who.otherClient, who.admin]) {
      expect((await c.request({ method: 'GET', url: url('/messages') })).statusCode).toBe(404);
    }
    clock.advance(60_000);
    const reply = await send(who.therapist, 'Friday at 4 works. See you then.');
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).not.toHaveProperty('autoReply'); // the auto-reply is for the client
    const marked = await who.therapist.request({ method: 'POST', url: url('/messages/read') });
    expect(marked.json()).toEqual({ marked: 4 });
    const seen = await who.client.request({ method: 'GET', url: url('/messages') });
    expect(seen.json().unread).toBe(1);
    expect(seen.json().items[0].readAt).toBe(clock.now().toISOString());
    expect(seen.json().items.at(-1)).toMatchObject({
      from: 'therapist',
      mine: false,
      readAt: null,
    });
  });

  it('sends a file with a message: type limits, the two parties only, once', async () => {
    const upload = (c: Caller, name: string, type: string, content: Buffer) =>
      c.request({
        method: 'POST',
        url: url('/messages/attachments'),
        ...multipartFile(name, type, content),
      });
    const refused = await upload(
      who.client,
      'tool.exe',
      'application/x-msdownload',
      Buffer.from('MZ\x90\x00'),
    );
    expect(refused.statusCode).toBe(415);
    expect(refused.json().detail).toMatch(/not accepted/);
    const disguised = await upload(
      who.client,
      'song.mp3',
      'audio/mpeg',
      Buffer.from('MZ\x90\x00 not audio'),
    );
    expect(disguised.statusCode).toBe(415);
    expect(
      (await upload(who.otherClient, 'lyrics.txt', 'text/plain', Buffer.from('x'))).statusCode,
    ).toBe(404);

    const up = await upload(
      who.client,
      'verse two.txt',
      'text/plain',
      Buffer.from('Night shift, second verse'),
    );
    expect(up.statusCode, up.body).toBe(201);
    const attachmentId = up.json().id;
    // Not sent yet: only its uploader can open it.
    const file = url(`/messages/attachments/${attachmentId}`);
    expect((await who.therapist.request({ method: 'GET', url: file })).statusCode).toBe(404);
    expect((await who.client.request({ method: 'GET', url: file })).statusCode).toBe(200);
    // Someone else's upload cannot be sent.
    const stolen = await who.therapist.request({
      method: 'POST',
      url: url('/messages'),
      payload: { body: 'Here', attachmentId },
    });
    expect(stolen.statusCode).toBe(400);

    const sent = await who.client.request({
      method: 'POST',
      url: url('/messages'),
      payload: { body: 'The second verse, as promised.', attachmentId },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().attachment).toMatchObject({
      fileName: 'verse two.txt',
      mediaType: 'text/plain',
    });
    const again = await who.client.request({
      method: 'POST',
      url: url('/messages'),
      payload: { body: 'Again', attachmentId },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toMatch(/already been sent/);

    const download = await who.therapist.request({ method: 'GET', url: file });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('Night shift, second verse');
    expect(download.headers['content-disposition']).toContain('verse two.txt');
    for (const c of [who.otherTherapist, who.otherClient, who.admin]) {
      expect((await c.request({ method: 'GET', url: file })).statusCode).toBe(404);
    }
    const list = await who.therapist.request({ method: 'GET', url: url('/messages') });
    const withFile = list.json().items.filter((m: { attachment: unknown }) => m.attachment);
    expect(withFile.map((m: { body: string }) => m.body)).toEqual([
      'The second verse, as promised.',
    ]);
  });

  it('keeps the accepted terms until a change is accepted; an outdated version is refused', async () => {
    const change = await propose(who.therapist, {
      ...terms,
      channels: { messages: false, email: false, phone: true },
    });
    expect(change.statusCode).toBe(201);
    expect(change.json()).toMatchObject({ version: 2, state: 'proposed', governingVersion: 1 });
    expect((await send(who.client, 'Still there?')).statusCode).toBe(201);
    const outdated = problem(await accept(who.client, 1), 409, 'AGREEMENT_VERSION_SUPERSEDED');
    expect(outdated.detail).toMatch(/newer one/);
    expect((await accept(who.client, 2)).statusCode).toBe(200);
    const off = problem(await send(who.client, 'Hello?'), 409, 'CONTACT_CHANNEL_OFF');
    expect(off.rule).toBe('channel-messages');
    expect(off.detail).toMatch(/version 2/);
    problem(await send(who.therapist, 'Hello?'), 409, 'CONTACT_CHANNEL_OFF');
    expect((await propose(who.therapist)).statusCode).toBe(201);
    expect((await accept(who.client, 3)).statusCode).toBe(200);
  });

  it('uses the crisis resources an administrator verified', async () => {
    const resources = {
      title: 'Help now',
      message: 'Call 999 if you are in danger.',
      lines: [{ country: 'GB', name: 'Samaritans', contact: '116 123', note: 'Any time.' }],
      practice: 'Call the practice on 020 7946 0000.',
    };
    const put = await who.admin.request({
      method: 'PUT',
      url: '/api/v1/crisis-resources',
      payload: resources,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().verified).toBe(true);
    expect(
      (
        await who.therapist.request({
          method: 'PUT',
          url: '/api/v1/crisis-resources',
          payload: resources,
        })
      ).statusCode,
    ).toBe(403);
    const r = await send(who.client, 'It is late, but: I want to end my life');
    expect(r.json().crisisResources).toMatchObject({ title: 'Help now', verified: true });
    expect(r.json().autoReply.crisisResources.title).toBe('Help now');
  });

  it('are refused in a closed episode; the conversation stays readable', async () => {
    await h.services.db.execute(
      sql`UPDATE episodes SET phase = 'closed', closed_at = now() WHERE id = ${episodeId}`,
    );
    const refused = problem(await send(who.client, 'Hello'), 409, 'EPISODE_PHASE_FORBIDS');
    expect(refused.detail).toMatch(/closed; messages cannot be sent/);
    problem(await propose(who.therapist), 409, 'EPISODE_PHASE_FORBIDS');
    expect((await who.client.request({ method: 'GET', url: url('/messages') })).statusCode).toBe(
      200,
    );
    expect(
      (await who.client.request({ method: 'GET', url: url('/contact-agreement') })).statusCode,
    ).toBe(200);
  });
});
