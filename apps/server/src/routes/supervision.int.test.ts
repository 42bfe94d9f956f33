import {
  addBoundaryEntry,
  assignSupervisor,
  createGoal,
  createNote,
  createPsychotherapyNote,
  listPortalConsents,
  publishConsentDocument,
  readPortalCover,
  recordResponse,
  signConsent,
  signNote,
  withdrawConsent,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { type Caller, createHarness, type Harness, type Person } from '../testing/harness';
import { signInOnClock, testClock } from '../testing/sign-in';
import {
  as,
  clientWithEpisode,
  publishDefaults,
  sign,
  type TestClient,
} from '../testing/supervision';

/**
 * Consent, supervision and cover on a controlled clock (issue 10): what the statuses alone do not
 * show. The allowed/denied pairs — a supervisor with, without and after withdrawing consent, a
 * designee before, during and after cover — are the authorization matrix's relation rows
 * (`authorization-matrix.int.test.ts`, `matrix/*.matrix.ts` `relations`); here: what a supervisor
 * is shown and how it is audited, a consent that shares fewer parts, a withdrawal taking effect for
 * a supervisor who was reading, and cover as the client and the audit log see it.
 */
let h: Harness;
let app: FastifyInstance;
const clock = testClock();
let therapist: Person;
let supervisor: Person;
let designee: Person;
let sam: TestClient;
let noteId = '';
let processNoteId = '';
const callers = {} as Record<'therapist' | 'supervisor' | 'designee', Caller>;

const get = (who: Caller, url: string) => who.request({ method: 'GET', url });
const statusOf = async (who: Caller, url: string) => (await get(who, url)).statusCode;

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
  app = await buildApp({ services: h.services, authRateLimit: 10_000 });
  therapist = h.cast.therapist;
  supervisor = h.cast.supervisor;
  designee = h.cast.otherTherapist;
  await publishDefaults(h.services, h.cast.admin);
  sam = await clientWithEpisode(h.services, therapist, 'Sam Supervised');
  const t = as(h.services, therapist);
  const note = await createNote(t, {
    episodeId: sam.episodeId,
    template: 'dap',
    body: {
      data: 'Played drums.',
      assessment: 'Engaged.',
      plan: 'Continue.',
      planForNext: 'Lyrics',
    },
  });
  noteId = (await signNote(t, note.id, { version: note.version })).id;
  processNoteId = (
    await createPsychotherapyNote(t, { episodeId: sam.episodeId, body: 'PROCESS-SECRET' })
  ).id;
  await recordResponse(t, {
    episodeId: sam.episodeId,
    instrument: 'phq-9',
    answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
  });
  await createGoal(t, sam.episodeId, {
    clientWords: 'Play the drums at the open mic',
    therapistWords: 'Reduce performance avoidance',
    objectives: ['Rehearse the set with the band'],
    gasLevels: {
      '-2': 'Avoids',
      '-1': 'Rehearses',
      '0': 'Plays once',
      '+1': 'Twice',
      '+2': 'Monthly',
    },
  });
  await addBoundaryEntry(t, sam.episodeId, {
    kind: 'gift',
    assessment: 'crossing',
    occurredOn: '2026-03-02',
    description: 'BOUNDARY-SECRET: a handmade card',
    reflection: 'Accepted with thanks; small and meaningful.',
    consultation: '',
    codeClause: 'APA 3.05',
    followUp: '',
  });
  await assignSupervisor(as(h.services, h.cast.admin), {
    supervisorId: supervisor.userId,
    therapistId: therapist.userId,
  });
  callers.therapist = await signInOnClock(app, clock, therapist);
  callers.supervisor = await signInOnClock(app, clock, supervisor);
  callers.designee = await signInOnClock(app, clock, designee);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const messagesUrl = () => `/api/v1/episodes/${sam.episodeId}/messages`;

const reads = () => ({
  episode: `/api/v1/episodes/${sam.episodeId}`,
  brief: `/api/v1/episodes/${sam.episodeId}/brief`,
  notes: `/api/v1/episodes/${sam.episodeId}/notes`,
  note: `/api/v1/notes/${noteId}`,
  scores: `/api/v1/episodes/${sam.episodeId}/scores`,
  outcome: `/api/v1/episodes/${sam.episodeId}/outcome`,
  goals: `/api/v1/episodes/${sam.episodeId}/goals`,
  boundaryLog: `/api/v1/episodes/${sam.episodeId}/boundary-log`,
  timeline: `/api/v1/clients/${sam.clientId}/timeline`,
});

describe('supervision', () => {
  it('the client signs with a typed name; the name is stored encrypted; an old version is refused', async () => {
    const stale = await publishConsentDocument(as(h.services, h.cast.admin), {
      kind: 'recording',
      title: 'Recording, v2',
      body: 'Second version.',
      shares: [],
    });
    expect(stale.version).toBe(2);
    await expect(
      signConsent(sam.ctx, {
        kind: 'recording',
        version: 1,
        signedName: 'Sam Rivera',
      }),
    ).rejects.toMatchObject({ code: 'CONSENT_VERSION_SUPERSEDED' });
    const signatureId = await sign(sam, 'supervision');
    const raw = await h.services.db.execute<{ signed_name: string }>(
      sql`SELECT signed_name FROM consent_signatures WHERE id = ${signatureId}`,
    );
    expect(raw.rows[0]?.signed_name).toBeTruthy();
    expect(raw.rows[0]?.signed_name).not.toContain('Test Client');
  });

  it('with consent the supervisor reads every part it shares, audited as supervision', async () => {
    const brief = (await get(callers.supervisor, reads().brief)).json();
    expect(brief.lastSession.planForNext).toBe('Lyrics');
    expect(brief.sections.measures).toBeDefined();
    const log = (await get(callers.supervisor, reads().boundaryLog)).json();
    expect(log.items[0].description).toContain('handmade card');
    const home = (await get(callers.supervisor, '/api/v1/supervision/episodes')).json();
    expect(home.items.map((e: { episodeId: string }) => e.episodeId)).toEqual([sam.episodeId]);
    const audit = await h.services.db.execute<{ detail: Record<string, unknown> }>(
      sql`SELECT detail FROM audit_events WHERE actor_user_id = ${supervisor.userId}
        AND action = 'brief.read' AND outcome = 'success' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]?.detail).toMatchObject({ via: 'supervision' });
  });

  it("gives the supervisor's view the score charts and goals the consent names, audited", async () => {
    const scores = (await get(callers.supervisor, reads().scores)).json();
    expect(scores.instruments.map((i: { instrument: string }) => i.instrument)).toContain('phq-9');
    const phq = scores.instruments.find((i: { instrument: string }) => i.instrument === 'phq-9');
    expect(phq.series).toHaveLength(1);
    expect(await statusOf(callers.supervisor, reads().outcome)).toBe(200);
    const goals = (await get(callers.supervisor, reads().goals)).json();
    expect(goals.items).toEqual([
      expect.objectContaining({
        clientWords: 'Play the drums at the open mic',
        therapistWords: 'Reduce performance avoidance',
      }),
    ]);
    for (const action of ['score.list', 'outcome.read', 'goal.list']) {
      const audit = await h.services.db.execute<{ detail: Record<string, unknown> }>(
        sql`SELECT detail FROM audit_events WHERE actor_user_id = ${supervisor.userId}
          AND action = ${action} AND outcome = 'success' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.rows[0]?.detail, action).toMatchObject({ via: 'supervision' });
    }
  });

  it('never shows psychotherapy notes to a supervisor, not even in what they may read', async () => {
    const one = await get(callers.supervisor, `/api/v1/psychotherapy-notes/${processNoteId}`);
    expect(one.statusCode).toBe(404);
    expect(one.body).not.toContain('PROCESS-SECRET');
    for (const url of Object.values(reads())) {
      const body = (await get(callers.supervisor, url)).body;
      expect(body, url).not.toContain('PROCESS-SECRET');
    }
  });

  it('shares only the parts a newer consent names', async () => {
    await publishConsentDocument(as(h.services, h.cast.admin), {
      kind: 'supervision',
      title: 'Supervision, notes only',
      body: 'Your supervisor may read your session notes only.',
      shares: ['notes'],
    });
    await sign(sam, 'supervision', 2);
    expect(await statusOf(callers.supervisor, reads().notes)).toBe(200);
    expect(await statusOf(callers.supervisor, reads().scores)).toBe(404);
    expect(await statusOf(callers.supervisor, reads().outcome)).toBe(404);
    expect(await statusOf(callers.supervisor, reads().boundaryLog)).toBe(404);
    expect(await statusOf(callers.supervisor, reads().goals)).toBe(404);
    const brief = (await get(callers.supervisor, reads().brief)).json();
    expect(brief.sections.measures).toBeUndefined();
    expect(brief.sections.alerts).toBeUndefined();
  });

  it('a withdrawal takes effect on the next request', async () => {
    const live = (await listPortalConsents(sam.ctx)).find((i) => i.document.kind === 'supervision');
    expect(live?.signature?.version).toBe(2);
    await withdrawConsent(sam.ctx, live?.signature?.id ?? '');
    for (const url of Object.values(reads())) {
      expect(await statusOf(callers.supervisor, url), url).toBe(404);
    }
    const home = await get(callers.supervisor, '/api/v1/supervision/episodes');
    expect(home.json().items).toEqual([]);
    await expect(withdrawConsent(sam.ctx, live?.signature?.id ?? '')).rejects.toMatchObject({
      code: 'CONSENT_ENDED',
    });
  });
});

describe('cover while away', () => {
  const MINUTE = 60_000;
  let coverStart = 0;

  it('the therapist names a designee; before the start the designee sees nothing', async () => {
    coverStart = clock.ms() + 10 * MINUTE;
    const created = await callers.therapist.request({
      method: 'POST',
      url: '/api/v1/cover',
      payload: {
        designeeId: designee.userId,
        startsAt: new Date(coverStart).toISOString(),
        endsAt: new Date(coverStart + 10 * MINUTE).toISOString(),
        episodeIds: [sam.episodeId],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await statusOf(callers.designee, reads().brief)).toBe(404);
  });

  it('during the cover the designee reads the brief, audited as cover, and answers under the agreement rule', async () => {
    clock.set(coverStart + MINUTE);
    expect(await statusOf(callers.designee, reads().brief)).toBe(200);
    // The episode's head, without the phase changes only its therapist may make.
    const head = await get(callers.designee, reads().episode);
    expect(head.statusCode, head.body).toBe(200);
    expect(head.json().nextPhases).toEqual([]);
    // Messages are answered under the same agreement rule as the therapist's (none yet here).
    const reply = await callers.designee.request({
      method: 'POST',
      url: messagesUrl(),
      payload: { body: 'Maya is away this week; I am covering.' },
    });
    expect(reply.statusCode, reply.body).toBe(409);
    expect(reply.json().code).toBe('CONTACT_AGREEMENT_REQUIRED');
    const audit = await h.services.db.execute<{ detail: Record<string, unknown> }>(
      sql`SELECT detail FROM audit_events WHERE actor_user_id = ${designee.userId}
        AND action = 'brief.read' AND outcome = 'success' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]?.detail).toMatchObject({ via: 'cover' });
    const shown = await readPortalCover(sam.ctx);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.designeeName).toBe('otherTherapist');
    expect(shown[0]?.endsAt.getTime()).toBe(coverStart + 10 * MINUTE);
  });

  it('at the end time access ends, with no job run', async () => {
    clock.set(coverStart + 10 * MINUTE);
    expect(await statusOf(callers.designee, reads().brief)).toBe(404);
    expect(await readPortalCover(sam.ctx)).toEqual([]);
    // The therapist still reads their own episode.
    expect(await statusOf(callers.therapist, reads().brief)).toBe(200);
  });
});

describe('boundary log', () => {
  it('is encrypted at rest: the raw column holds no text of the entry', async () => {
    const raw = await h.services.db.execute<{ content: string }>(
      sql`SELECT content FROM boundary_entries WHERE episode_id = ${sam.episodeId}`,
    );
    expect(raw.rows.length).toBeGreaterThan(0);
    for (const row of raw.rows) {
      expect(row.content).not.toContain('BOUNDARY-SECRET');
      expect(row.content).not.toContain('handmade');
    }
    const listed = (
      await get(callers.therapist, `/api/v1/episodes/${sam.episodeId}/boundary-log`)
    ).json();
    expect(listed.items[0].description).toContain('BOUNDARY-SECRET');
  });

  it('refuses bad input with a clear 400 and stores nothing', async () => {
    const before = await h.services.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM boundary_entries`,
    );
    const r = await callers.therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${sam.episodeId}/boundary-log`,
      payload: { kind: 'bribe', assessment: 'crossing', occurredOn: 'yesterday', description: '' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const after = await h.services.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM boundary_entries`,
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
