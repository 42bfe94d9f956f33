import { randomUUID } from 'node:crypto';
import {
  acceptAgreementVersion,
  createNote,
  listPortalConsents,
  proposeAgreement,
  signConsent,
  signNote,
} from '@throughline/domain';
import { episodes } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEpisodeFor, sealedTitle } from '../testing/episodes';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';
import { as, publishDefaults } from '../testing/supervision';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let otherClient: Caller;
let episodeId: string;

beforeAll(async () => {
  h = await createHarness();
  episodeId = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
  client = await signInAs(h.app, h.cast.client);
  otherClient = await signInAs(h.app, h.cast.otherClient);
});
afterAll(async () => h?.close());

const url = (id = episodeId) => `/api/v1/episodes/${id}/readiness`;
const give = (who: Caller, payload: Record<string, unknown>, id = episodeId) =>
  who.request({ method: 'POST', url: `${url(id)}/views`, payload });

describe('the readiness review', () => {
  it('opens at any time with the evidence and no views yet', async () => {
    const r = await therapist.request({ method: 'GET', url: url() });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ viewer: 'therapist', open: true, disagreement: null });
    expect(body.current).toEqual({ client: null, therapist: null });
    expect(body.evidence).toMatchObject({ sessionsAttended: 0, goals: [], measures: [] });
    expect(body.suggestion).toMatchObject({ suggested: false, reasons: [] });
  });

  it("keeps each side's view with who and when, and shows a difference plainly", async () => {
    const mine = await give(client, { level: 2, words: 'SECRET-WORDS I still need our sessions.' });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json().current.client).toMatchObject({ level: 2, party: 'client' });
    expect(mine.json().disagreement).toBeNull();

    const theirs = await give(therapist, { level: 4, words: 'Nearly ready, I think.' });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json().disagreement).toEqual({ differs: true, by: 2 });

    // The client sees the therapist's view and the difference too; never the scores or the rule.
    const seen = (await client.request({ method: 'GET', url: url() })).json();
    expect(seen.viewer).toBe('client');
    expect(seen.current.therapist).toMatchObject({ level: 4, words: 'Nearly ready, I think.' });
    expect(seen.disagreement).toEqual({ differs: true, by: 2 });
    expect(seen.suggestion).toBeNull();
    expect(seen.evidence.measures).toBeNull();

    // The words are stored encrypted, never as written.
    const raw = await h.services.db.execute<{ words: string }>(
      sql`SELECT words FROM readiness_views WHERE episode_id = ${episodeId}`,
    );
    expect(raw.rows.length).toBe(2);
    expect(raw.rows.map((r) => r.words).join()).not.toContain('SECRET-WORDS');
  });

  it('shows a newer answer in place of the older and keeps the history', async () => {
    const newer = await give(client, { level: 4, words: '' });
    expect(newer.statusCode, newer.body).toBe(201);
    const body = newer.json();
    expect(body.current.client).toMatchObject({ level: 4, words: '' });
    expect(body.disagreement).toEqual({ differs: false, by: 0 });
    expect(body.history.map((v: { level: number }) => v.level)).toEqual([4, 4, 2]);
    expect(new Date(body.history[0].givenAt).getTime()).toBeGreaterThanOrEqual(
      new Date(body.history[2].givenAt).getTime(),
    );
  });

  it('answers 404 to anyone not a party of the episode, and writes nothing', async () => {
    for (const who of [otherTherapist, otherClient]) {
      expect((await who.request({ method: 'GET', url: url() })).statusCode).toBe(404);
      expect((await give(who, { level: 3, words: 'x' })).statusCode).toBe(404);
    }
    expect((await therapist.request({ method: 'GET', url: url(randomUUID()) })).statusCode).toBe(
      404,
    );
    const count = await h.services.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM readiness_views WHERE episode_id = ${episodeId}`,
    );
    expect(count.rows[0]?.n).toBe(3);
  });

  it('refuses bad input with a message a person can act on', async () => {
    for (const payload of [
      { level: 0, words: '' },
      { level: 6, words: '' },
      { level: 2.5 },
      { words: 'no level' },
      { level: 3, words: 'x'.repeat(2001) },
      { level: 3, extra: true },
    ]) {
      const r = await give(client, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    const r = await give(therapist, { level: 9 });
    expect(r.body).toContain('Choose a point on the scale');
  });

  it('refuses a new view once the episode is closed (409), and still shows the review', async () => {
    const closedId = await endedEpisode('closed');
    const r = await give(therapist, { level: 5, words: 'Too late' }, closedId);
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('EPISODE_PHASE_FORBIDS');
    const read = await therapist.request({ method: 'GET', url: url(closedId) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ open: false, history: [] });
  });
});

/** An ended episode of the cast's client, inserted as a fixture row (its ending is not tested here). */
async function endedEpisode(
  phase: 'ending' | 'aftercare' | 'closed',
  // One episode not closed per client and therapist: an ended one still open is with another.
  with_ = h.cast.therapist,
): Promise<string> {
  const { cast, services } = h;
  const id = randomUUID();
  await services.db.insert(episodes).values({
    id,
    practiceId: cast.therapist.practiceId,
    clientId: cast.client.clientId ?? '',
    therapistId: with_.userId,
    title: await sealedTitle(services, cast.therapist.practiceId, id, `Ended (${phase})`),
    phase,
    openedAt: new Date(Date.now() - 400 * 86_400_000),
  });
  return id;
}

describe('the continuity kit', () => {
  it('keeps what the client takes away from an ended episode', async () => {
    const id = await endedEpisode('aftercare', h.cast.otherTherapist);
    const th = as(h.services, h.cast.otherTherapist);
    const cl = as(h.services, h.cast.client);
    const note = await createNote(th, {
      episodeId: id,
      template: 'music-therapy',
      body: {
        methods: ['compositional'],
        music: [
          { title: 'Weightless', artist: 'Marconi Union', clientCreated: false },
          { title: 'Night Song', clientCreated: true },
        ],
        clientResponses: 'Wrote a verse.',
        goalsAddressed: 'Sleep.',
        planForNext: 'Aftercare check-in.',
        homework: [{ title: 'Play the night song before bed', instructions: 'Twice a week.' }],
      },
    });
    await signNote(th, note.id, { version: note.version });
    const plan = await proposeAgreement(th, {
      episodeId: id,
      kind: 'ending-plan',
      content: {
        v: 1,
        lastSessionOn: '2026-01-10',
        relapsePrevention: {
          warningSigns: ['Lying awake past 1 am'],
          triggers: ['Deadlines'],
          whatHelps: ['The night song'],
          whoToContact: ['My sister'],
          crisisPlan: 'Call the line on the card.',
        },
        checkIns: [{ afterMonths: 3 }],
      },
    });
    await acceptAgreementVersion(cl, { versionId: plan.id });
    await publishDefaults(h.services, h.cast.admin);
    const recording = (await listPortalConsents(cl)).find((c) => c.document.kind === 'recording');
    if (!recording) throw new Error('no recording consent published');
    const signed = await signConsent(cl, {
      kind: 'recording',
      version: recording.document.version,
      signedName: 'Client',
    });

    const r = await client.request({ method: 'GET', url: '/api/v1/portal/continuity-kit' });
    expect(r.statusCode, r.body).toBe(200);
    const kit = r.json().items.find((k: { episodeId: string }) => k.episodeId === id);
    expect(kit).toMatchObject({
      title: 'Ended (aftercare)',
      phase: 'aftercare',
      relapsePrevention: { warningSigns: ['Lying awake past 1 am'], whatHelps: ['The night song'] },
      music: [
        { title: 'Weightless', artist: 'Marconi Union', clientCreated: false },
        { title: 'Night Song', artist: null, clientCreated: true },
      ],
      recording: { consented: true, signedAt: signed.signedAt.toISOString() },
    });
    expect(kit.planAcceptedAt).not.toBeNull();
    expect(kit.homework.map((x: { title: string }) => x.title)).toEqual([
      'Play the night song before bed',
    ]);
    expect(kit.crisisResources.lines.length).toBeGreaterThan(0);
    expect(kit.contact.messagesOpen).toBe(false);
    expect(kit.contact.how).toMatch(/contact .+ and ask for/);
    // The open episode has no kit; the other client sees none of this client's kits.
    expect(r.json().items.some((k: { episodeId: string }) => k.episodeId === episodeId)).toBe(
      false,
    );
    const other = await otherClient.request({
      method: 'GET',
      url: '/api/v1/portal/continuity-kit',
    });
    expect(other.json().items.some((k: { episodeId: string }) => k.episodeId === id)).toBe(false);
  });

  it('says there is no plan when none was accepted by both', async () => {
    const id = await endedEpisode('closed');
    const r = await client.request({ method: 'GET', url: '/api/v1/portal/continuity-kit' });
    const kit = r.json().items.find((k: { episodeId: string }) => k.episodeId === id);
    expect(kit).toMatchObject({ relapsePrevention: null, planAcceptedAt: null, music: [] });
    const audit = await h.services.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'continuity-kit.read' AND outcome = 'success'`,
    );
    expect(audit.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('is for clients only', async () => {
    const r = await therapist.request({ method: 'GET', url: '/api/v1/portal/continuity-kit' });
    expect(r.statusCode).toBe(403);
  });
});
