import { endingDetailsPurpose } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { ENDINGS, putInEnding } from '../testing/endings';
import { openEpisodeFor } from '../testing/episodes';
import { type Caller, createHarness, type Harness } from '../testing/harness';
import { signInOnClock, testClock } from '../testing/sign-in';
import { clientWithEpisode } from '../testing/supervision';

/**
 * How an episode ends (issue 11): each kind of ending recorded with its reason and its form,
 * moving the phase in the same step; `closed` only with a recorded ending; bad input and a
 * closed episode refused with nothing written.
 */
let h: Harness;
const clock = testClock();
const MINUTE = 60_000;
const callers = {} as Record<'therapist' | 'other' | 'client' | 'otherClient' | 'admin', Caller>;
let app: FastifyInstance;

/** Signs everyone in again (after the clock jumps past the idle timeout). */
async function signInAll(): Promise<void> {
  callers.therapist = await signInOnClock(app, clock, h.cast.therapist);
  callers.other = await signInOnClock(app, clock, h.cast.otherTherapist);
  callers.client = await signInOnClock(app, clock, h.cast.client);
  callers.otherClient = await signInOnClock(app, clock, h.cast.otherClient);
  callers.admin = await signInOnClock(app, clock, h.cast.admin);
}

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
  app = await buildApp({ services: h.services, authRateLimit: 10_000 });
  await signInAll();
  return async () => {
    await app.close();
  };
});
afterAll(async () => h?.close());

const fresh = async (label: string) =>
  (await clientWithEpisode(h.services, h.cast.therapist, label)).episodeId;
const end = (id: string, payload: unknown, as: Caller = callers.therapist) =>
  as.request({ method: 'POST', url: `/api/v1/episodes/${id}/ending`, payload: payload as object });
const move = (id: string, to: string, as: Caller = callers.therapist) =>
  as.request({
    method: 'POST',
    url: `/api/v1/episodes/${id}/phase`,
    payload: { to, reason: `Moving to ${to}.` },
  });
const get = (url: string, as: Caller = callers.therapist) => as.request({ method: 'GET', url });
async function state(id: string) {
  const r = await h.services.db.execute<{ phase: string; endings: number; changes: number }>(
    sql`SELECT phase,
      (SELECT count(*)::int FROM episode_endings x WHERE x.episode_id = e.id) AS endings,
      (SELECT count(*)::int FROM episode_phase_changes c WHERE c.episode_id = e.id) AS changes
      FROM episodes e WHERE id = ${id}`,
  );
  return r.rows[0];
}

describe('closing needs a recorded ending', () => {
  it('refuses a bare move to closed from intake and active with 409 naming the rule', async () => {
    const id = await fresh('Bare Close');
    for (const from of ['intake', 'active']) {
      if (from === 'active') expect((await move(id, 'active')).statusCode).toBe(200);
      const before = await state(id);
      const response = await move(id, 'closed');
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('EPISODE_ENDING_REQUIRED');
      expect(response.json().detail).toMatch(/record the kind of ending/);
      expect(await state(id)).toEqual(before);
    }
  });

  it('allows aftercare → closed after a planned ending', async () => {
    const id = await fresh('Planned Ending');
    expect((await move(id, 'active')).statusCode).toBe(200);
    // A planned ending follows the plan both agreed, so it is recorded only in `ending`.
    const early = await end(id, ENDINGS.planned);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('ENDING_KIND_NOT_ALLOWED');
    await putInEnding(h.services, id);
    const recorded = await end(id, ENDINGS.planned);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({
      kind: 'planned',
      kindLabel: 'Planned ending, agreed by both',
      reason: ENDINGS.planned.reason,
      recordedBy: { id: h.cast.therapist.userId },
      retainUntil: null,
    });
    expect((await state(id))?.phase).toBe('aftercare');
    const closed = await move(id, 'closed');
    expect(closed.statusCode, closed.body).toBe(200);
    const ending = await get(`/api/v1/episodes/${id}/ending`);
    expect(ending.statusCode).toBe(200);
    // 7 years after the last service (the closing day here: no attended session).
    const closedOn = new Date(clock.ms()).toISOString().slice(0, 10);
    expect(ending.json().retainUntil.slice(4)).toBe(closedOn.slice(4));
    expect(Number(ending.json().retainUntil.slice(0, 4))).toBe(Number(closedOn.slice(0, 4)) + 7);
  });
});

describe('each kind of ending', () => {
  it('therapist-initiated: pretermination contact and a referral, else why precluded', async () => {
    const id = await fresh('Not Benefiting');
    expect((await move(id, 'active')).statusCode).toBe(200);
    const before = await state(id);
    const { preterminationOn: _, referrals: __, ...bare } = ENDINGS.therapistInitiated;
    const missing = await end(id, bare);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toMatch(/pretermination contact and at least one referral/);
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['preterminationOn', 'referrals']);
    expect(await state(id)).toEqual(before);
    const ok = await end(id, ENDINGS.therapistInitiated);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().summary).toBe(
      'Ended by the therapist. Pretermination contact on 2026-03-02; referred to Community psychology team (Longer-term CBT).',
    );
    expect(await state(id)).toMatchObject({ phase: 'closed', endings: 1 });
  });

  it('therapist-initiated when endangered: a precluding reason replaces the contact', async () => {
    const id = await fresh('Endangered');
    expect((await move(id, 'active')).statusCode).toBe(200);
    const response = await end(id, {
      kind: 'therapist-initiated',
      reason: 'The client threatened the therapist in session.',
      grounds: 'therapist-endangered',
      precludedBecause:
        "The client's threats make a further meeting unsafe; a letter with referrals was posted.",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().details.grounds).toBe('therapist-endangered');
    expect((await state(id))?.phase).toBe('closed');
  });

  it('client withdrawal: outreach required; the letter shows in the portal, the e-mail is only a notice', async () => {
    const id = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
    expect((await move(id, 'active')).statusCode).toBe(200);
    const before = await state(id);
    const none = await end(id, { ...ENDINGS.withdrawal, outreach: [] });
    expect(none.statusCode).toBe(400);
    expect(none.body).toMatch(/at least one attempt to reach the client/);
    const noDate = await end(id, { ...ENDINGS.withdrawal, outreach: [{ channel: 'phone' }] });
    expect(noDate.statusCode).toBe(400);
    expect(await state(id)).toEqual(before);
    const mailBefore = await outboxTo(h.cast.client.email);
    const ok = await end(id, ENDINGS.withdrawal);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().summary).toMatch(/2 attempts to reach them/);
    expect((await state(id))?.phase).toBe('closed');
    const letter = await get(`/api/v1/episodes/${id}/closure-letter`, callers.client);
    expect(letter.statusCode).toBe(200);
    expect(letter.json()).toMatchObject({
      text: ENDINGS.withdrawal.closureLetter.text,
      howToReturn: ENDINGS.withdrawal.closureLetter.howToReturn,
      therapistName: 'therapist',
    });
    expect(
      (await get(`/api/v1/episodes/${id}/closure-letter`, callers.otherClient)).statusCode,
    ).toBe(404);
    expect((await get(`/api/v1/episodes/${id}/ending`, callers.client)).statusCode).toBe(404);
    const mail = (await outboxTo(h.cast.client.email)).slice(mailBefore.length);
    expect(mail).toHaveLength(1);
    const [notice] = mail;
    expect(`${notice?.subject} ${notice?.text_body}`).not.toContain('closing our work');
    expect(notice?.text_body).toMatch(/portal/);
  });

  it('client withdrawal: no e-mail at all for a client who does not allow e-mail', async () => {
    const c = await clientWithEpisode(h.services, h.cast.therapist, 'No Email Client');
    await h.services.db.execute(sql`UPDATE clients SET may_email = false WHERE id = ${c.clientId}`);
    const address = await h.services.db.execute<{ email: string }>(
      sql`SELECT email FROM clients WHERE id = ${c.clientId}`,
    );
    const ok = await end(c.episodeId, ENDINGS.withdrawal);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await outboxTo(address.rows[0]?.email ?? '')).toHaveLength(0);
  });

  it('transfer: to whom, with the handover summary', async () => {
    const id = await fresh('Moving Away');
    expect((await move(id, 'active')).statusCode).toBe(200);
    expect((await end(id, { ...ENDINGS.transfer, handoverSummary: '' })).statusCode).toBe(400);
    const ok = await end(id, ENDINGS.transfer);
    expect(ok.statusCode, ok.body).toBe(201);
    const read = (await get(`/api/v1/episodes/${id}/ending`)).json();
    expect(read).toMatchObject({
      kind: 'transfer',
      kindLabel: 'Transferred to another provider',
      summary: 'Care moved to Dr Ana Ruiz, Northside Music Therapy, with a handover summary.',
      details: {
        transferTo: ENDINGS.transfer.transferTo,
        handoverSummary: ENDINGS.transfer.handoverSummary,
      },
    });
  });

  it('death or incapacity of the client closes the episode; no one else is made responsible', async () => {
    const id = await fresh('Client Incapacity');
    expect((await move(id, 'active')).statusCode).toBe(200);
    const ok = await end(id, ENDINGS.clientDeath);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().responsible).toBeNull();
    expect((await state(id))?.phase).toBe('closed');
  });

  it("the therapist's death or incapacity needs a cover designee, who then reads the episode", async () => {
    const id = await fresh('Therapist Incapacity');
    expect((await move(id, 'active')).statusCode).toBe(200);
    const none = await end(id, ENDINGS.therapistDeath);
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toMatch(/No cover designee/);
    // A cover that has already ended: the most recent designee is the one named.
    const starts = clock.ms() + MINUTE;
    const cover = await callers.therapist.request({
      method: 'POST',
      url: '/api/v1/cover',
      payload: {
        designeeId: h.cast.otherTherapist.userId,
        startsAt: new Date(starts).toISOString(),
        endsAt: new Date(starts + 10 * MINUTE).toISOString(),
        episodeIds: [id],
      },
    });
    expect(cover.statusCode, cover.body).toBe(201);
    clock.advance(20 * MINUTE);
    await signInAll();
    expect((await get(`/api/v1/episodes/${id}`, callers.other)).statusCode).toBe(404);
    const ok = await end(id, ENDINGS.therapistDeath);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().responsible).toEqual({
      id: h.cast.otherTherapist.userId,
      displayName: 'otherTherapist',
    });
    expect((await get(`/api/v1/episodes/${id}`, callers.other)).statusCode).toBe(200);
    expect((await get(`/api/v1/episodes/${id}/ending`, callers.other)).statusCode).toBe(200);
    // Reads as cover does: not the notes.
    expect((await get(`/api/v1/episodes/${id}/notes`, callers.other)).statusCode).toBe(404);
    const via = await h.services.db.execute<{ detail: { via?: string } }>(
      sql`SELECT detail FROM audit_events WHERE action = 'episode.read' AND resource_id = ${id}
        AND actor_user_id = ${h.cast.otherTherapist.userId} AND outcome = 'success'`,
    );
    expect(via.rows.map((r) => r.detail.via)).toContain('successor');
  });

  it('a designee covering now records the therapist’s incapacity, and nothing else', async () => {
    const id = await fresh('Designee Records');
    expect((await move(id, 'active')).statusCode).toBe(200);
    const starts = clock.ms() + MINUTE;
    const cover = await callers.therapist.request({
      method: 'POST',
      url: '/api/v1/cover',
      payload: {
        designeeId: h.cast.otherTherapist.userId,
        startsAt: new Date(starts).toISOString(),
        endsAt: new Date(starts + 60 * MINUTE).toISOString(),
        episodeIds: [id],
      },
    });
    expect(cover.statusCode, cover.body).toBe(201);
    clock.advance(2 * MINUTE);
    await signInAll();
    const other = await end(id, ENDINGS.transfer, callers.other);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('ENDING_KIND_NOT_ALLOWED');
    const ok = await end(id, ENDINGS.therapistDeath, callers.other);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().recordedBy.id).toBe(h.cast.otherTherapist.userId);
    expect(ok.json().responsible.id).toBe(h.cast.otherTherapist.userId);
    clock.advance(2 * 60 * MINUTE);
    await signInAll();
    expect((await get(`/api/v1/episodes/${id}/ending`, callers.other)).statusCode).toBe(200);
  });

  it('not started: closes an intake only, with referrals', async () => {
    const id = await fresh('Not A Fit');
    const ok = await end(id, ENDINGS.notStarted);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().summary).toBe(
      'Closed at intake without therapy; referred to Regional eating disorders service.',
    );
    expect((await state(id))?.phase).toBe('closed');
    const started = await fresh('Already Started');
    expect((await move(started, 'active')).statusCode).toBe(200);
    const refused = await end(started, ENDINGS.notStarted);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/once therapy has started/);
  });
});

describe('referrals with a reason', () => {
  it('keeps each referral’s reason in the letter; a reason without a name is refused at its row', async () => {
    const id = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
    expect((await move(id, 'active')).statusCode).toBe(200);
    const before = await state(id);
    const referrals = [
      { to: 'Walk-in centre', reason: 'Open every evening, no appointment needed.' },
      { to: 'Peer support group' },
    ];
    const nameless = await end(id, {
      ...ENDINGS.withdrawal,
      closureLetter: { ...ENDINGS.withdrawal.closureLetter, referrals: [{ to: ' ', reason: 'x' }] },
    });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().errors).toEqual([
      expect.objectContaining({
        path: 'body.closureLetter.referrals.0.to',
        message: 'Name who the referral is to.',
      }),
    ]);
    const long = await end(id, {
      ...ENDINGS.withdrawal,
      closureLetter: {
        ...ENDINGS.withdrawal.closureLetter,
        referrals: [{ to: 'Helpline', reason: 'x'.repeat(501) }],
      },
    });
    expect(long.statusCode).toBe(400);
    expect(await state(id)).toEqual(before);

    const ok = await end(id, {
      ...ENDINGS.withdrawal,
      closureLetter: { ...ENDINGS.withdrawal.closureLetter, referrals },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const letter = await get(`/api/v1/episodes/${id}/closure-letter`, callers.client);
    expect(letter.json().referrals).toEqual([
      { to: 'Walk-in centre', reason: 'Open every evening, no appointment needed.' },
      { to: 'Peer support group', reason: '' },
    ]);
  });

  it('still reads an ending recorded with referrals as bare names', async () => {
    const id = await fresh('Old Referrals');
    expect((await end(id, ENDINGS.notStarted)).statusCode).toBe(201);
    // Rewrite the sealed form as an older version stored it: referrals as plain names.
    const [row] = (
      await h.services.db.execute<{ id: string; practice_id: string }>(
        sql`SELECT id, practice_id FROM episode_endings WHERE episode_id = ${id}`,
      )
    ).rows;
    if (!row) throw new Error('no ending row');
    const old = { v: 1, kind: 'not-started', referrals: ['Regional eating disorders service'] };
    const sealed = await h.services.keyring.encrypt(
      h.services.db,
      row.practice_id,
      JSON.stringify(old),
      endingDetailsPurpose(row.id),
    );
    await h.services.db.execute(
      sql`UPDATE episode_endings SET details = ${sealed} WHERE id = ${row.id}`,
    );
    const ending = await get(`/api/v1/episodes/${id}/ending`);
    expect(ending.statusCode, ending.body).toBe(200);
    expect(ending.json().details.referrals).toEqual([
      { to: 'Regional eating disorders service', reason: '' },
    ]);
    expect(ending.json().summary).toBe(
      'Closed at intake without therapy; referred to Regional eating disorders service.',
    );
  });
});

describe('bad input and conflicts', () => {
  it('refuses a missing reason, an unknown kind and extra fields with 400, writing nothing', async () => {
    const id = await fresh('Bad Input');
    const before = await state(id);
    for (const payload of [
      { kind: 'transfer', transferTo: 'X', handoverSummary: 'Y' },
      { ...ENDINGS.transfer, reason: '   ' },
      { kind: 'paused', reason: 'x' },
      { ...ENDINGS.transfer, colour: 'red' },
    ]) {
      const response = await end(id, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    expect(await state(id)).toEqual(before);
  });

  it('refuses an ending on a closed episode, and a second ending in aftercare (409)', async () => {
    const id = await fresh('Twice Ended');
    expect((await end(id, ENDINGS.notStarted)).statusCode).toBe(201);
    const before = await state(id);
    const again = await end(id, ENDINGS.clientDeath);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EPISODE_PHASE_FORBIDS');
    expect(await state(id)).toEqual(before);
    const planned = await fresh('Aftercare Twice');
    await putInEnding(h.services, planned);
    expect((await end(planned, ENDINGS.planned)).statusCode).toBe(201);
    const second = await end(planned, ENDINGS.transfer);
    expect(second.statusCode).toBe(409);
    expect((await state(planned))?.endings).toBe(1);
  });

  it('answers 404 to another therapist, a client and an administrator', async () => {
    const id = await fresh('Not Theirs');
    for (const as of [callers.other, callers.client, callers.admin]) {
      expect((await end(id, ENDINGS.notStarted, as)).statusCode).toBe(404);
    }
    expect((await get(`/api/v1/episodes/${id}/ending`)).statusCode).toBe(404);
    expect((await state(id))?.phase).toBe('intake');
  });

  it('audits the ending by kind, never its reason', async () => {
    const id = await fresh('Audited');
    expect((await end(id, ENDINGS.notStarted)).statusCode).toBe(201);
    const events = await h.services.db.execute<{ detail: Record<string, unknown> }>(
      sql`SELECT detail FROM audit_events WHERE action = 'episode.ending.record'
        AND resource_id = (SELECT id::text FROM episode_endings WHERE episode_id = ${id})`,
    );
    expect(events.rows.map((r) => r.detail)).toEqual([
      expect.objectContaining({ kind: 'not-started', to: 'closed' }),
    ]);
    expect(JSON.stringify(events.rows)).not.toContain('eating-disorder');
  });
});

async function outboxTo(address: string) {
  const r = await h.services.db.execute<{ subject: string | null; text_body: string | null }>(
    sql`SELECT subject, text_body FROM outbox_messages WHERE to_address = ${address} ORDER BY created_at, id`,
  );
  return r.rows;
}
