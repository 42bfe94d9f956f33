import { PHASES, type Phase } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreedEndingPlanFor } from '../testing/ending-plan';
import { freshClient } from '../testing/episodes';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let otherClient: Caller;

beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
  client = await signInAs(h.app, h.cast.client);
  otherClient = await signInAs(h.app, h.cast.otherClient);
});
afterAll(async () => h?.close());

const newClient = (label = 'Episode client'): Promise<string> =>
  freshClient(h.services, h.cast.therapist, label);

const open = (clientId: string, as: Caller = therapist, reason = 'Referred by their GP.') =>
  as.request({
    method: 'POST',
    url: '/api/v1/episodes',
    payload: { clientId, title: 'Music therapy', reason },
  });

const move = (id: string, to: Phase, reason = `Moving to ${to}.`, as: Caller = therapist) =>
  as.request({ method: 'POST', url: `/api/v1/episodes/${id}/phase`, payload: { to, reason } });

async function openedId(clientId: string): Promise<string> {
  const response = await open(clientId);
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

/** A fresh episode brought to `phase` through allowed moves. */
async function episodeIn(phase: Phase): Promise<string> {
  const id = await openedId(await newClient());
  const path: Record<Phase, Phase[]> = {
    intake: [],
    active: ['active'],
    ending: ['active', 'ending'],
    aftercare: ['active', 'ending'],
    closed: [],
  };
  for (const to of path[phase]) {
    // Ending is agreed by both: an ending plan comes first (routes/ending-plan.int.test.ts).
    if (to === 'ending') await agreedEndingPlanFor(h.services, h.cast.therapist, id);
    expect((await move(id, to)).statusCode).toBe(200);
  }
  // Aftercare and closure follow a recorded ending (endings.int.test.ts has every kind).
  if (phase === 'aftercare') expect((await end(id, PLANNED)).statusCode).toBe(201);
  if (phase === 'closed') expect((await end(id, NOT_STARTED)).statusCode).toBe(201);
  return id;
}

const PLANNED = { kind: 'planned', reason: 'Goals met; the ending plan was agreed.' };
const NOT_STARTED = { kind: 'not-started', reason: 'Not a fit; referred on.', referrals: [] };
const end = (id: string, payload: object) =>
  therapist.request({ method: 'POST', url: `/api/v1/episodes/${id}/ending`, payload });

async function state(id: string): Promise<{ phase: string; changes: number; closed: boolean }> {
  const result = await h.services.db.execute<{ phase: string; changes: string; closed: boolean }>(
    sql`SELECT phase, closed_at IS NOT NULL AS closed,
          (SELECT count(*) FROM episode_phase_changes c WHERE c.episode_id = e.id) AS changes
        FROM episodes e WHERE id = ${id}`,
  );
  const row = result.rows[0];
  if (!row) throw new Error(`no episode ${id}`);
  return { phase: row.phase, changes: Number(row.changes), closed: row.closed };
}

describe('POST /api/v1/episodes', () => {
  it('opens an intake episode and records the first phase change with its reason', async () => {
    const clientId = await newClient();
    const response = await open(clientId, therapist, 'Referred for anxiety and sleep.');
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      clientId,
      therapistId: h.cast.therapist.userId,
      therapistName: 'therapist',
      phase: 'intake',
      title: 'Music therapy',
      previousEpisodeId: null,
      closedAt: null,
    });
    const detail = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${created.id}`,
    });
    expect(detail.json()).toMatchObject({
      client: { id: clientId, displayName: 'Episode client', preferredName: null, pronouns: null },
      phaseHistory: [
        {
          from: null,
          to: 'intake',
          changedBy: { id: h.cast.therapist.userId, displayName: 'therapist' },
          reason: 'Referred for anxiety and sleep.',
        },
      ],
      previousEpisodeIds: [],
      nextPhases: ['active', 'closed'],
    });
  });

  it('refuses a second open episode with the same client with 409, writing nothing', async () => {
    const clientId = await newClient();
    await openedId(clientId);
    const before = await h.services.db.execute(sql`SELECT count(*) AS n FROM episodes`);
    const again = await open(clientId);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EPISODE_ALREADY_OPEN' });
    const after = await h.services.db.execute(sql`SELECT count(*) AS n FROM episodes`);
    expect(after.rows).toEqual(before.rows);
  });

  it('refuses two concurrent opens for the same client: exactly one wins', async () => {
    const clientId = await newClient();
    const results = await Promise.all([open(clientId), open(clientId), open(clientId)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it("answers 404 for a client that is not the therapist's, and audits the denial", async () => {
    const response = await open(h.cast.otherClient.clientId ?? '');
    expect(response.statusCode).toBe(404);
    const denied = await h.services.db.execute(
      sql`SELECT 1 FROM audit_events WHERE action = 'episode.create' AND outcome = 'denied' AND resource_id = ${h.cast.otherClient.clientId}`,
    );
    expect(denied.rows).toHaveLength(1);
  });

  it('requires a reason of 1 to 2000 characters and a title', async () => {
    const clientId = await newClient();
    for (const payload of [
      { clientId, title: 'Music therapy' },
      { clientId, title: 'Music therapy', reason: '   ' },
      { clientId, title: 'Music therapy', reason: 'x'.repeat(2001) },
      { clientId, title: '', reason: 'Referral.' },
      { clientId: 'not-a-uuid', title: 'Music therapy', reason: 'Referral.' },
    ]) {
      const response = await therapist.request({
        method: 'POST',
        url: '/api/v1/episodes',
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
    }
    expect((await open(clientId, therapist, 'x'.repeat(2000))).statusCode).toBe(201);
  });
});

describe('a returning client', () => {
  it('gets a new episode linked to the last closed one, and the chain carries forward', async () => {
    const clientId = await newClient('Returning client');
    const first = await openedId(clientId);
    expect((await move(first, 'active')).statusCode).toBe(200);
    await agreedEndingPlanFor(h.services, h.cast.therapist, first);
    expect((await move(first, 'ending')).statusCode).toBe(200);
    expect((await end(first, PLANNED)).statusCode).toBe(201);
    expect((await move(first, 'closed', 'Aftercare over.')).statusCode).toBe(200);
    const second = await open(clientId, therapist, 'Returned after a bereavement.');
    expect(second.json().previousEpisodeId).toBe(first);
    expect(
      (await end(second.json().id, { ...NOT_STARTED, reason: 'Moved away.' })).statusCode,
    ).toBe(201);
    const third = await openedId(clientId);
    const detail = await therapist.request({ method: 'GET', url: `/api/v1/episodes/${third}` });
    expect(detail.json()).toMatchObject({
      previousEpisodeId: second.json().id,
      previousEpisodeIds: [second.json().id, first],
    });
    const list = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes?clientId=${clientId}`,
    });
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([
      third,
      second.json().id,
      first,
    ]);
  });

  it('does not link a first episode to anything', async () => {
    const id = await openedId(await newClient());
    expect((await state(id)).phase).toBe('intake');
    const detail = await therapist.request({ method: 'GET', url: `/api/v1/episodes/${id}` });
    expect(detail.json().previousEpisodeId).toBeNull();
  });
});

describe('POST /api/v1/episodes/{id}/phase', () => {
  // The phase machine's moves; those to aftercare and closed (but aftercare → closed) need a
  // recorded ending first, so the bare move is refused with EPISODE_ENDING_REQUIRED.
  const ALLOWED: Record<Phase, Phase[]> = {
    intake: ['active', 'closed'],
    active: ['ending', 'closed'],
    ending: ['active', 'aftercare', 'closed'],
    aftercare: ['closed'],
    closed: [],
  };
  const NEEDS_ENDING: Record<Phase, Phase[]> = {
    intake: ['closed'],
    active: ['closed'],
    ending: ['aftercare', 'closed'],
    aftercare: [],
    closed: [],
  };

  for (const from of PHASES) {
    for (const to of NEEDS_ENDING[from]) {
      it(`refuses the bare move ${from} → ${to} until the ending is recorded (409)`, async () => {
        const id = await episodeIn(from);
        const before = await state(id);
        const response = await move(id, to);
        expect(response.statusCode).toBe(409);
        expect(response.json().code).toBe('EPISODE_ENDING_REQUIRED');
        expect(response.json().detail).toMatch(/End therapy/);
        expect(await state(id)).toEqual(before);
      });
    }
    for (const to of ALLOWED[from].filter((p) => !NEEDS_ENDING[from].includes(p))) {
      it(`moves ${from} → ${to}, recording who, when and why`, async () => {
        const id = await episodeIn(from);
        if (to === 'ending') await agreedEndingPlanFor(h.services, h.cast.therapist, id);
        const before = await state(id);
        const response = await move(id, to, `Because ${from} is done.`);
        expect(response.statusCode).toBe(200);
        const body = response.json();
        expect(body.phase).toBe(to);
        expect(body.closedAt === null).toBe(to !== 'closed');
        expect(body.nextPhases).toEqual(ALLOWED[to]);
        expect(body.phaseHistory.at(-1)).toMatchObject({
          from,
          to,
          changedBy: { id: h.cast.therapist.userId },
          reason: `Because ${from} is done.`,
        });
        expect(await state(id)).toEqual({
          phase: to,
          changes: before.changes + 1,
          closed: to === 'closed',
        });
      });
    }
    const refused = PHASES.filter((to) => !ALLOWED[from].includes(to));
    it(`refuses ${from} → ${refused.join('/')} with 409 naming the allowed phases, writing nothing`, async () => {
      const id = await episodeIn(from);
      const before = await state(id);
      for (const to of refused) {
        const response = await move(id, to);
        expect(response.statusCode, `${from} → ${to}`).toBe(409);
        const body = response.json();
        expect(body.code).toBe('EPISODE_PHASE_INVALID');
        if (ALLOWED[from].length > 0) {
          expect(body.detail).toContain(`it can move to: ${ALLOWED[from].join(', ')}`);
        } else {
          expect(body.detail).toMatch(/new episode/);
        }
      }
      expect(await state(id)).toEqual(before);
    });
  }

  it('requires a reason (an unplanned ending says what happened)', async () => {
    const id = await episodeIn('active');
    for (const payload of [
      { to: 'closed' },
      { to: 'closed', reason: '' },
      { to: 'paused', reason: 'x' },
    ]) {
      const response = await therapist.request({
        method: 'POST',
        url: `/api/v1/episodes/${id}/phase`,
        payload,
      });
      expect(response.statusCode).toBe(400);
    }
    expect((await state(id)).phase).toBe('active');
  });

  it("answers 404 to another therapist and the episode's own client, changing nothing", async () => {
    const id = await episodeIn('intake');
    expect((await move(id, 'active', 'x', otherTherapist)).statusCode).toBe(404);
    expect((await move(id, 'active', 'x', client)).statusCode).toBe(404);
    expect((await state(id)).phase).toBe('intake');
  });
});

describe('what a client sees', () => {
  let episodeId = '';
  beforeAll(async () => {
    const response = await open(
      h.cast.client.clientId ?? '',
      therapist,
      'Therapist-only reasoning.',
    );
    episodeId = response.json().id;
    expect((await move(episodeId, 'active', 'Assessment shows high anxiety.')).statusCode).toBe(
      200,
    );
  });

  it('reads their own episode without the reasons for phase changes', async () => {
    const response = await client.request({ method: 'GET', url: `/api/v1/episodes/${episodeId}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.phase).toBe('active');
    expect(body.phaseHistory).toHaveLength(2);
    for (const change of body.phaseHistory) expect(change).not.toHaveProperty('reason');
    expect(body.nextPhases).toEqual([]);
    expect(response.body).not.toContain('Therapist-only reasoning');
    expect(response.body).not.toContain('high anxiety');
  });

  it('lists only their own episodes', async () => {
    const own = await client.request({ method: 'GET', url: '/api/v1/episodes' });
    expect(own.json().items.map((e: { id: string }) => e.id)).toEqual([episodeId]);
    const other = await otherClient.request({ method: 'GET', url: '/api/v1/episodes' });
    expect(other.json().items).toEqual([]);
    const peek = await otherClient.request({ method: 'GET', url: `/api/v1/episodes/${episodeId}` });
    expect(peek.statusCode).toBe(404);
  });
});

describe('GET /api/v1/episodes', () => {
  it('pages newest first without gaps or repeats, and filters by phase', async () => {
    const all = await therapist.request({ method: 'GET', url: '/api/v1/episodes?limit=200' });
    const expected = all.json().items.map((e: { id: string }) => e.id);
    expect(expected.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/episodes?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await therapist.request({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((e: { id: string }) => e.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    const closed = await therapist.request({ method: 'GET', url: '/api/v1/episodes?phase=closed' });
    expect(closed.json().items.length).toBeGreaterThan(0);
    for (const e of closed.json().items) expect(e.phase).toBe('closed');
  });

  it('shows a therapist only their own episodes', async () => {
    const response = await otherTherapist.request({ method: 'GET', url: '/api/v1/episodes' });
    expect(response.json().items).toEqual([]);
  });

  it('refuses a forged cursor, an unknown phase and a bad client id with 400', async () => {
    for (const query of ['cursor=bm9wZQ', 'phase=paused', 'clientId=42', 'limit=0']) {
      const response = await therapist.request({ method: 'GET', url: `/api/v1/episodes?${query}` });
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('audits reads, including denied ones', async () => {
    const missing = crypto.randomUUID();
    expect(
      (await therapist.request({ method: 'GET', url: `/api/v1/episodes/${missing}` })).statusCode,
    ).toBe(404);
    const result = await h.services.db.execute<{ outcome: string }>(
      sql`SELECT outcome FROM audit_events WHERE action = 'episode.read' AND resource_id = ${missing}`,
    );
    expect(result.rows).toEqual([{ outcome: 'denied' }]);
  });
});
