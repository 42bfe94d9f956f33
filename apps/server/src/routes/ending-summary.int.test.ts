import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acceptAgreementVersion,
  createGoal,
  proposeAgreement,
  recordResponse,
  reviewGoals,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../operator';
import {
  type Caller,
  createHarness,
  type Harness,
  type Person,
  signInAs,
} from '../testing/harness';
import { fixtures } from '../testing/read-model-fixtures';

// The ending summary (issue 11) on a real database: drafted from a seeded episode, edited with
// an optimistic version, shared, read by the client only once shared, and rendered as a PDF that
// poppler reads back (pdftotext, pdffonts, pdfinfo).
let h: Harness;
let episodeId: string;
let therapist: Caller;
let client: Caller;
let otherTherapist: Caller;
let otherClient: Caller;

const DAY = 86_400_000;
const ago = (days: number) => new Date(h.services.now().getTime() - days * DAY);
const as = (p: Person, role: 'therapist' | 'client') =>
  actingAs(h.services, { id: p.userId, practiceId: p.practiceId, role });
const url = (id: string, rest = '') => `/api/v1/episodes/${id}/ending-summary${rest}`;

const plan = {
  lastSessionOn: '2026-01-30',
  taper: [],
  sessionsToTalkAboutEnding: 3,
  referrals: [],
  relapsePrevention: {
    warningSigns: ['Skipping meals and staying up late'],
    triggers: ['Deadlines at work'],
    whatHelps: ['Playing guitar for ten minutes'],
    whoToContact: ['My sister'],
    crisisPlan: 'Call the crisis line.',
  },
  closingSession: 'Record the song we wrote.',
  checkIns: [{ afterMonths: 3 }],
};

const levels = { '-2': 'a', '-1': 'b', '0': 'c', '+1': 'd', '+2': 'e' };

/** `pdftotext`, `pdffonts` or `pdfinfo` on a PDF body. */
function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.pdf');
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' });
}

beforeAll(async () => {
  h = await createHarness();
  const { cast } = h;
  const fx = fixtures(h.services, cast.therapist);
  episodeId = await fx.episode(cast.client, { openedAt: ago(120) });
  const sessions = [];
  for (const d of [110, 80, 50, 20]) sessions.push(await fx.appointment(episodeId, ago(d)));
  const paper = as(cast.therapist, 'therapist');
  const forms = [
    { at: 110, phq: [2, 2, 2, 2, 2, 2, 1, 1, 0], gad: [2, 2, 2, 2, 2, 1, 1] },
    { at: 20, phq: [1, 1, 1, 1, 0, 0, 0, 0, 0], gad: [1, 1, 0, 0, 0, 0, 0] },
  ];
  for (const f of forms) {
    for (const [instrument, answers] of [
      ['phq-9', f.phq],
      ['gad-7', f.gad],
    ] as const)
      await recordResponse(paper, { episodeId, instrument, answers, completedAt: ago(f.at) });
  }
  const goal = await createGoal(paper, episodeId, {
    clientWords: 'Sleep through most nights',
    therapistWords: 'Improve sleep hygiene',
    objectives: [],
    gasLevels: levels,
  });
  await reviewGoals(paper, episodeId, { ratings: [{ goalId: goal.id, level: 1 }] });
  const proposed = await proposeAgreement(paper, {
    episodeId,
    kind: 'ending-plan',
    content: { v: 1, ...plan },
  });
  await acceptAgreementVersion(as(cast.client, 'client'), { versionId: proposed.id });
  // How an episode reaches its ending is the ending plan's rule (tested there).
  await h.services.db.execute(sql`UPDATE episodes SET phase = 'ending' WHERE id = ${episodeId}`);
  therapist = await signInAs(h.app, cast.therapist);
  client = await signInAs(h.app, cast.client);
  otherTherapist = await signInAs(h.app, cast.otherTherapist);
  otherClient = await signInAs(h.app, cast.otherClient);
});
afterAll(async () => h?.close());

const words = (greeting: string) => ({
  greeting,
  progress: 'We met every few weeks and you wrote three songs.',
  whatHelped: ['“Playing before bed”'],
  relapsePrevention: { ...plan.relapsePrevention, warningSigns: ['Sleeping badly again'] },
  howToReturn: 'Message Maya through the portal.',
  closing: 'Take good care.',
});

describe('the ending summary', () => {
  it('is drafted from the record for the therapist, and hidden from the client until shared', async () => {
    expect((await client.request({ method: 'GET', url: url(episodeId) })).statusCode).toBe(404);
    const res = await therapist.request({ method: 'GET', url: url(episodeId) });
    expect(res.statusCode).toBe(200);
    const draft = res.json();
    expect(draft).toMatchObject({ version: 0, state: 'draft', sharedVersion: null });
    expect(draft.facts.attendedSessions).toBe(4);
    expect(draft.facts.goals).toEqual([
      expect.objectContaining({
        clientWords: 'Sleep through most nights',
        attainment: expect.objectContaining({ level: 1, words: 'Somewhat more than expected' }),
      }),
    ]);
    const phq = draft.facts.scores.find((s: { instrument: string }) => s.instrument === 'phq-9');
    expect(phq).toMatchObject({ first: { score: 14 }, last: { score: 4 }, category: 'recovered' });
    expect(draft.facts.outcome).toMatchObject({ eligible: true, reliableRecovery: true });
    expect(draft.words.relapsePrevention.warningSigns).toEqual(plan.relapsePrevention.warningSigns);
    expect(draft.words.greeting).toContain(`Dear ${draft.client.name}`);
    expect(draft.words.progress).toContain('We met for 4 sessions.');
  });

  it('is refused before the ending (409) and is nobody else’s business (404)', async () => {
    const active = await fixtures(h.services, h.cast.therapist).episode(h.cast.otherClient);
    const early = await therapist.request({ method: 'GET', url: url(active) });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('EPISODE_PHASE_FORBIDS');
    for (const caller of [otherTherapist, otherClient]) {
      expect((await caller.request({ method: 'GET', url: url(episodeId) })).statusCode).toBe(404);
      expect(
        (await caller.request({ method: 'GET', url: url(episodeId, '.pdf') })).statusCode,
      ).toBe(404);
    }
  });

  it('saves edits as versions; an outdated version is refused with 409 and nothing saved', async () => {
    const saved = await therapist.request({
      method: 'PUT',
      url: url(episodeId),
      payload: { ...words('Dear Casey,'), expectedVersion: 0 },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, state: 'draft' });
    const stale = await therapist.request({
      method: 'PUT',
      url: url(episodeId),
      payload: { ...words('Dear C,'), expectedVersion: 0 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const rows = await h.services.db.execute<{ version: number; content: string }>(
      sql`SELECT version, content FROM ending_summaries WHERE episode_id = ${episodeId}`,
    );
    expect(rows.rows.map((r) => r.version)).toEqual([1]);
    expect(rows.rows[0]?.content).not.toContain('Sleeping badly');
    const bad = await therapist.request({
      method: 'PUT',
      url: url(episodeId),
      payload: { ...words('x'.repeat(2001)), expectedVersion: 1 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('is shared with the client, who keeps the shared version while a new draft is written', async () => {
    const stale = await therapist.request({
      method: 'POST',
      url: url(episodeId, '/share'),
      payload: { version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const shared = await therapist.request({
      method: 'POST',
      url: url(episodeId, '/share'),
      payload: { version: 1 },
    });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ state: 'shared', sharedVersion: 1 });
    await therapist.request({
      method: 'PUT',
      url: url(episodeId),
      payload: { ...words('Dear Casey, a second draft'), expectedVersion: 1 },
    });
    const seen = await client.request({ method: 'GET', url: url(episodeId) });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ version: 1, state: 'shared' });
    expect(seen.json().words.greeting).toBe('Dear Casey,');
    const mine = await therapist.request({ method: 'GET', url: url(episodeId) });
    expect(mine.json()).toMatchObject({ version: 2, state: 'draft', sharedVersion: 1 });
  });

  it('downloads as a PDF with the client’s name, the outcome and embedded fonts', async () => {
    const res = await client.request({ method: 'GET', url: url(episodeId, '.pdf') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const name = (await client.request({ method: 'GET', url: url(episodeId) })).json().client.name;
    const text = poppler('pdftotext', res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain(name);
    expect(text).toContain('Recovered, with a reliable improvement');
    expect(text).toContain('Sleeping badly again');
    expect(text).toMatch(/Page 1 of \d/);
    const fonts = poppler('pdffonts', res.rawPayload).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID — every font embedded.
    for (const line of fonts) expect(line).toMatch(/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
    expect(poppler('pdfinfo', res.rawPayload)).toMatch(
      /Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/,
    );
    const letter = await therapist.request({
      method: 'GET',
      url: url(episodeId, '.pdf?paper=letter'),
    });
    expect(poppler('pdfinfo', letter.rawPayload)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const legal = await therapist.request({
      method: 'GET',
      url: url(episodeId, '.pdf?paper=legal'),
    });
    expect(legal.statusCode).toBe(400);
  });
});

describe('the brief of a returning client', () => {
  it('starts from the previous episode’s ending summary, plan, goals and scores', async () => {
    const fx = fixtures(h.services, h.cast.therapist);
    await h.services.db.execute(
      sql`UPDATE episodes SET phase = 'closed', closed_at = now() WHERE id = ${episodeId}`,
    );
    const returning = await fx.episode(h.cast.client, {
      phase: 'intake',
      previousEpisodeId: episodeId,
    });
    const res = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${returning}/brief`,
    });
    expect(res.statusCode).toBe(200);
    const before = res.json().sections.beforeThisEpisode;
    expect(before).toMatchObject({
      episodeId,
      summary: { version: 2, progress: 'We met every few weeks and you wrote three songs.' },
      relapsePrevention: { warningSigns: ['Sleeping badly again'] },
      outcome: 'Recovered, with a reliable improvement.',
    });
    expect(before.summary.sharedAt).toBeNull();
    expect(before.facts.goals[0]).toMatchObject({ attainment: { level: 1 } });
    expect(before.facts.scores.map((s: { instrument: string }) => s.instrument).sort()).toEqual([
      'gad-7',
      'phq-9',
    ]);
    expect(Date.parse(before.facts.scores[0].last.at)).toBeLessThan(Date.now());
  });

  it('says nothing of a previous episode held by another therapist', async () => {
    const fx = fixtures(h.services, h.cast.otherTherapist);
    const other = await fx.episode(h.cast.client, {
      phase: 'intake',
      previousEpisodeId: episodeId,
    });
    const res = await otherTherapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${other}/brief`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sections.beforeThisEpisode).toBeUndefined();
  });
});
