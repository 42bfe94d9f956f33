import { randomUUID } from 'node:crypto';
import { alerts, appointments, auditEvents, episodes, responses } from '@throughline/domain/schema';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEpisodeFor, sealedTitle } from '../testing/episodes';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let otherClient: Caller;
let openEpisode = '';
const DAY = 86_400_000;
const base = Date.now() - 200 * DAY;

/** A closed episode of the cast's therapist and client, with `attended` sessions a week apart. */
async function episodeWith(attended: number): Promise<string> {
  const { cast, services } = h;
  const id = randomUUID();
  await services.db.insert(episodes).values({
    practiceId: cast.therapist.practiceId,
    id,
    clientId: cast.client.clientId ?? '',
    therapistId: cast.therapist.userId,
    title: await sealedTitle(services, cast.therapist.practiceId, id, 'Closed course'),
    phase: 'closed',
  });
  for (let i = 0; i < attended; i++) {
    const startsAt = new Date(base + i * 7 * DAY);
    await services.db.insert(appointments).values({
      practiceId: cast.therapist.practiceId,
      episodeId: id,
      therapistId: cast.therapist.userId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 50 * 60_000),
      status: 'attended',
    });
  }
  return id;
}

/** PHQ-9 answers summing to `total` with item 9 = `item9`. */
function phq9(total: number, item9 = 0): number[] {
  const answers = [0, 0, 0, 0, 0, 0, 0, 0, item9];
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    answers[i] = Math.min(3, left);
    left -= answers[i] ?? 0;
  }
  return answers;
}
function gad7(total: number): number[] {
  const answers = [0, 0, 0, 0, 0, 0, 0];
  let left = total;
  for (let i = 0; i < 7 && left > 0; i++) {
    answers[i] = Math.min(3, left);
    left -= answers[i] ?? 0;
  }
  return answers;
}

async function submit(
  as: Caller,
  episodeId: string,
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return as.request({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/responses`,
    payload: body,
  });
}

/** Stores a response as the therapist at week `week` of the episode (before that session). */
async function at(episodeId: string, week: number, instrument: string, answers: number[]) {
  const r = await submit(therapist, episodeId, {
    instrument,
    answers,
    completedAt: new Date(base + week * 7 * DAY - 3_600_000).toISOString(),
  });
  expect(r.statusCode, JSON.stringify(r.json())).toBe(201);
  return r.json();
}

beforeAll(async () => {
  h = await createHarness();
  openEpisode = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
  client = await signInAs(h.app, h.cast.client);
  otherClient = await signInAs(h.app, h.cast.otherClient);
});
afterAll(async () => h?.close());

describe('POST /api/v1/episodes/:id/responses', () => {
  it('the client submits their own: scored, not on behalf, answers encrypted at rest', async () => {
    const r = await submit(client, openEpisode, {
      instrument: 'gad-7',
      answers: [1, 1, 1, 1, 1, 1, 1],
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.response).toMatchObject({
      instrument: 'gad-7',
      total: 7,
      band: 'mild',
      flags: [],
      onBehalf: false,
    });
    expect(body.crisisResources).toBeNull();
    const raw = await h.services.db.execute<{ answers: string; result: Record<string, unknown> }>(
      sql`SELECT answers, result FROM responses WHERE id = ${body.response.id}`,
    );
    const row = raw.rows[0];
    expect(row?.answers).not.toContain('[1,1,1');
    expect(row?.answers.length).toBeGreaterThan(20);
    expect(row?.result).not.toHaveProperty('itemScores');
    expect(row?.result).toMatchObject({ resultVersion: 1, version: '1.1.0', total: 7 });
    const audit = await h.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.resourceId, body.response.id));
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([['response.create', 'success']]);
  });

  it("a therapist's entry is marked as on the client's behalf", async () => {
    const r = await submit(therapist, openEpisode, {
      instrument: 'gad-7',
      answers: [0, 0, 0, 0, 0, 0, 0],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().response).toMatchObject({ onBehalf: true, total: 0, band: 'minimal' });
  });

  it('others are refused as if the episode did not exist', async () => {
    const body = { instrument: 'gad-7', answers: [0, 0, 0, 0, 0, 0, 0] };
    expect((await submit(otherTherapist, openEpisode, body)).statusCode).toBe(404);
    expect((await submit(otherClient, openEpisode, body)).statusCode).toBe(404);
  });

  it('invalid answers → 400 naming the item, and nothing is written', async () => {
    const before = await h.services.db.select().from(responses);
    const r = await submit(client, openEpisode, {
      instrument: 'phq-9',
      answers: [0, 0, 4, 0, 0, 0, 0, 0, null],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([
      { path: 'answers[2]', message: expect.stringMatching(/Item 3 must be 0–3/) },
      { path: 'answers[8]', message: expect.stringMatching(/Item 9 is missing/) },
    ]);
    const short = await submit(client, openEpisode, { instrument: 'gad-7', answers: [0, 0] });
    expect(short.statusCode).toBe(400);
    const unknown = await submit(client, openEpisode, { instrument: 'oq-45', answers: [0] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('instrument');
    expect(await h.services.db.select().from(responses)).toHaveLength(before.length);
  });

  it('risk item → urgent alert for the therapist and crisis resources for the client at once', async () => {
    const r = await submit(client, openEpisode, { instrument: 'phq-9', answers: phq9(6, 1) });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.response.flags).toContain('risk-item');
    // The practice's crisis resources: the shipped defaults, marked unverified (issue 10).
    expect(body.crisisResources.lines.map((l: { contact: string }) => l.contact)).toEqual([
      '116 123',
      '999',
      '988',
      '112',
    ]);
    expect(body.crisisResources.verified).toBe(false);
    expect(body.crisisResources.message).toMatch(/immediate danger/);
    // The client is not shown the therapist's alert; the therapist sees it at once.
    expect(body.alerts).toEqual([]);
    const list = await therapist.request({ method: 'GET', url: '/api/v1/alerts' });
    expect(list.statusCode).toBe(200);
    const urgent = list
      .json()
      .items.find((a: { responseId: string }) => a.responseId === body.response.id);
    expect(urgent).toMatchObject({
      kind: 'risk-item',
      severity: 'urgent',
      rule: 'risk-item',
      ruleVersion: '1',
      inputs: { instrument: 'phq-9', item: 9, answer: 1 },
      source: expect.stringMatching(/item 9 > 0/),
      explanation: expect.stringMatching(/\(PHQ-9\) item 9 was answered 1/),
      acknowledgedAt: null,
      clientId: h.cast.client.clientId,
    });
  });
});

describe('alerts from the history', () => {
  it('reliable deterioration from the first score (once until acknowledged), then acknowledge', async () => {
    const ep = await episodeWith(3);
    await at(ep, 0, 'phq-9', phq9(8));
    const worse = await at(ep, 1, 'phq-9', phq9(14));
    expect(worse.alerts).toMatchObject([
      {
        kind: 'reliable-deterioration',
        severity: 'warning',
        inputs: { first: 8, current: 14, change: 6, reliableChange: 6 },
        explanation: expect.stringMatching(/rose from 8 at the first score to 14 \(\+6\)/),
      },
    ]);
    const again = await at(ep, 2, 'phq-9', phq9(15));
    expect(again.alerts).toEqual([]);
    const id = worse.alerts[0].id;
    const ack = await therapist.request({
      method: 'POST',
      url: `/api/v1/alerts/${id}/acknowledge`,
      payload: { note: 'Discussed; plan agreed.' },
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ id, note: 'Discussed; plan agreed.' });
    expect(ack.json().acknowledgedAt).not.toBeNull();
    const [stored] = await h.services.db.select().from(alerts).where(eq(alerts.id, id));
    expect(stored?.acknowledgementNote).not.toContain('plan agreed');
    const twice = await therapist.request({
      method: 'POST',
      url: `/api/v1/alerts/${id}/acknowledge`,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
    const other = await otherTherapist.request({
      method: 'POST',
      url: `/api/v1/alerts/${id}/acknowledge`,
      payload: {},
    });
    expect(other.statusCode).toBe(404);
    const open = await therapist.request({ method: 'GET', url: `/api/v1/episodes/${ep}/alerts` });
    expect(open.json().items).toEqual([]);
    const all = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${ep}/alerts?status=all`,
    });
    expect(all.json().items).toHaveLength(1);
  });

  it('not on track from session 4, and alliance drop against the running mean', async () => {
    const ep = await episodeWith(5);
    await at(ep, 0, 'phq-9', phq9(18));
    const s4 = await at(ep, 4, 'phq-9', phq9(15));
    expect(s4.response.sessionNumber).toBe(4);
    expect(s4.alerts).toMatchObject([{ kind: 'not-on-track', rule: 'not-on-track-session-4' }]);
    await at(ep, 1, 'session-feedback', [10, 10, 10, 10]);
    await at(ep, 2, 'session-feedback', [10, 9, 10, 10]);
    const drop = await at(ep, 3, 'session-feedback', [8, 7, 8, 8]);
    expect(drop.alerts).toMatchObject([
      { kind: 'alliance-drop', inputs: { reason: 'below-running-mean', current: 31 } },
    ]);
  });
});

describe('GET /api/v1/episodes/:id/scores', () => {
  it('series per instrument with bands, cut-off and change; therapist only', async () => {
    const ep = await episodeWith(3);
    await at(ep, 0, 'phq-9', phq9(16));
    await at(ep, 1, 'phq-9', phq9(12));
    await at(ep, 2, 'phq-9', phq9(8));
    const r = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${ep}/scores?instrument=phq-9`,
    });
    expect(r.statusCode).toBe(200);
    const [phq] = r.json().instruments;
    expect(phq).toMatchObject({
      instrument: 'phq-9',
      cutoff: { value: 10, case: 'at-least' },
      reliableChange: { value: 6, on: 'total' },
      first: 16,
      last: 8,
      changeSinceFirst: -8,
      changeSinceLast: -4,
      category: 'recovered',
    });
    expect(phq.series.map((p: { total: number }) => p.total)).toEqual([16, 12, 8]);
    expect(phq.bands[0]).toEqual({ label: 'minimal', on: 'total', min: 0, max: 4 });
    expect(
      (await client.request({ method: 'GET', url: `/api/v1/episodes/${ep}/scores` })).statusCode,
    ).toBe(404);
    expect(
      (await otherTherapist.request({ method: 'GET', url: `/api/v1/episodes/${ep}/scores` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('GET /api/v1/episodes/:id/outcome', () => {
  const outcome = async (ep: string) => {
    const r = await therapist.request({ method: 'GET', url: `/api/v1/episodes/${ep}/outcome` });
    expect(r.statusCode).toBe(200);
    return r.json();
  };
  const pair = async (ep: string, week: number, p: number, g: number) => {
    await at(ep, week, 'phq-9', phq9(p));
    await at(ep, week, 'gad-7', gad7(g));
  };

  it('not eligible with fewer than two attended sessions', async () => {
    const ep = await episodeWith(1);
    await pair(ep, 0, 16, 14);
    expect(await outcome(ep)).toMatchObject({
      eligible: false,
      reason: expect.stringMatching(/Fewer than two attended/),
      recovered: null,
      reliableRecovery: null,
      reliableImprovement: false,
    });
  });

  it('not eligible without paired scores at start and end', async () => {
    const ep = await episodeWith(3);
    await pair(ep, 0, 16, 14);
    await at(ep, 2, 'phq-9', phq9(8));
    expect(await outcome(ep)).toMatchObject({
      eligible: false,
      reason: expect.stringMatching(/No paired scores/),
    });
  });

  it('reliable recovery: case at start, not at end, reliably improved', async () => {
    const ep = await episodeWith(3);
    await pair(ep, 0, 16, 14);
    await pair(ep, 2, 8, 6);
    expect(await outcome(ep)).toEqual({
      eligible: true,
      caseness: { start: true, end: false },
      recovered: true,
      reliableImprovement: true,
      reliableDeterioration: false,
      reliableRecovery: true,
      provisional: false,
      instruments: [
        {
          instrument: 'phq-9',
          first: 16,
          last: 8,
          change: -8,
          category: 'recovered',
          reliableChange: 6,
          rule: expect.stringMatching(/reliable change ≥ 6/),
        },
        {
          instrument: 'gad-7',
          first: 14,
          last: 6,
          change: -8,
          category: 'recovered',
          reliableChange: 4,
          rule: expect.stringMatching(/reliable change ≥ 4/),
        },
      ],
      attendedSessions: 3,
      attendedTreatmentSessions: 3,
      rule: expect.any(String),
      version: '1',
    });
  });

  it('not a case at the start: recovered and reliable recovery are null', async () => {
    const ep = await episodeWith(2);
    await pair(ep, 0, 9, 7);
    await pair(ep, 1, 2, 2);
    expect(await outcome(ep)).toMatchObject({
      eligible: true,
      caseness: { start: false, end: false },
      recovered: null,
      reliableRecovery: null,
      reliableImprovement: true,
    });
  });

  it('reliable deterioration at exactly the threshold', async () => {
    const ep = await episodeWith(2);
    await pair(ep, 0, 10, 5);
    await pair(ep, 1, 16, 5);
    expect(await outcome(ep)).toMatchObject({
      eligible: true,
      caseness: { start: true, end: true },
      recovered: false,
      reliableImprovement: false,
      reliableDeterioration: true,
      reliableRecovery: false,
    });
  });

  it('is refused to the client and to another therapist', async () => {
    const ep = await episodeWith(2);
    expect(
      (await client.request({ method: 'GET', url: `/api/v1/episodes/${ep}/outcome` })).statusCode,
    ).toBe(404);
    expect(
      (await otherTherapist.request({ method: 'GET', url: `/api/v1/episodes/${ep}/outcome` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('brief and caseload', () => {
  it('the caseload flags urgent alerts and the brief shows measures and open alerts', async () => {
    const caseload = await therapist.request({ method: 'GET', url: '/api/v1/caseload' });
    expect(caseload.statusCode).toBe(200);
    const entry = caseload
      .json()
      .items.find((e: { episodeId: string }) => e.episodeId === openEpisode);
    expect(entry.attention).toContainEqual({ kind: 'urgent-alerts', count: 1 });
    const brief = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${openEpisode}/brief`,
    });
    expect(brief.statusCode).toBe(200);
    const { sections } = brief.json();
    expect(sections.measures).toContainEqual(
      expect.objectContaining({ instrument: 'gad-7', last: 0, changeSinceLast: -7 }),
    );
    expect(sections.alerts).toContainEqual(
      expect.objectContaining({ kind: 'risk-item', severity: 'urgent' }),
    );
  });
});
