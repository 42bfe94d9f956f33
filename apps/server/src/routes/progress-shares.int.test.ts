import { auditEvents } from '@throughline/domain/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEpisodeFor } from '../testing/episodes';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let otherClient: Caller;
let episodeId = '';
let quietEpisodeId = '';
let step = 0;
let firstSharedAt = '';

/** `length` answers (each 0…max) summing to `total`, filled from the first item. */
function answers(length: number, max: number, total: number): number[] {
  const out = new Array<number>(length).fill(0);
  let left = total;
  for (let i = 0; i < length && left > 0; i++) {
    out[i] = Math.min(max, left);
    left -= out[i] ?? 0;
  }
  return out;
}

async function record(instrument: string, a: number[]): Promise<void> {
  step += 1;
  const r = await therapist.request({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/responses`,
    payload: {
      instrument,
      answers: a,
      completedAt: new Date(Date.now() - (20 - step) * 3_600_000).toISOString(),
    },
  });
  expect(r.statusCode, r.body).toBe(201);
}

async function portal(as: Caller = client) {
  const r = await as.request({ method: 'GET', url: '/api/v1/portal/progress' });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    items: {
      instrument: string;
      title: string;
      first: { score: number; band: string | null };
      latest: { score: number; band: string | null };
      sentence: string;
    }[];
  };
}

const share = (as: Caller, body: Record<string, unknown> = {}) =>
  as.request({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/progress/share`,
    payload: body,
  });

beforeAll(async () => {
  h = await createHarness();
  episodeId = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
  client = await signInAs(h.app, h.cast.client);
  otherClient = await signInAs(h.app, h.cast.otherClient);
  // Another therapist's episode, with no questionnaires yet.
  quietEpisodeId = (await openEpisodeFor(h.services, h.cast.otherTherapist, h.cast.otherClient)).id;
  // PHQ-9 16 → 8 (reliable improvement), GAD-7 10 → 8 (no reliable change), PCL-5 12 → 40.
  await record('phq-9', answers(9, 3, 16));
  await record('gad-7', answers(7, 3, 10));
  await record('pcl-5', answers(20, 4, 12));
  await record('phq-9', answers(9, 3, 8));
  await record('gad-7', answers(7, 3, 8));
  await record('pcl-5', answers(20, 4, 40));
});
afterAll(async () => h?.close());

const sharing = (as: Caller, id = episodeId) =>
  as.request({ method: 'GET', url: `/api/v1/episodes/${id}/progress/sharing` });

describe('sharing progress with the client', () => {
  it('shows nothing before the therapist shares', async () => {
    expect(await portal()).toEqual({ items: [] });
  });

  it('the sharing state: not shared, and what sharing would show', async () => {
    const r = await sharing(therapist);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      episodeId,
      shared: null,
      since: null,
      instrumentsWithScores: ['phq-9', 'gad-7', 'pcl-5'],
    });
  });

  it('the sharing state of an episode with no scores says so', async () => {
    const r = await sharing(otherTherapist, quietEpisodeId);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      episodeId: quietEpisodeId,
      shared: null,
      since: null,
      instrumentsWithScores: [],
    });
  });

  it("another therapist's episode is 404 for the sharing state, and so is the client", async () => {
    expect((await sharing(therapist, quietEpisodeId)).statusCode).toBe(404);
    expect((await sharing(otherTherapist)).statusCode).toBe(404);
    const asClient = await sharing(client);
    expect(asClient.statusCode).toBe(404);
    expect(asClient.headers['content-type']).toContain('application/problem+json');
    const bad = await therapist.request({
      method: 'GET',
      url: '/api/v1/episodes/not-a-uuid/progress/sharing',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('another therapist cannot share; an unknown instrument is refused', async () => {
    expect((await share(otherTherapist)).statusCode).toBe(404);
    expect((await share(therapist, { instruments: ['nope'] })).statusCode).toBe(400);
    expect(await portal()).toEqual({ items: [] });
  });

  it('one shared instrument: a plain-language improvement', async () => {
    const before = Date.now();
    const r = await share(therapist, { instruments: ['phq-9'] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ episodeId, shared: ['phq-9'] });
    const state = (await sharing(therapist)).json();
    expect(state.shared).toEqual(['phq-9']);
    expect(Date.parse(state.since)).toBeGreaterThanOrEqual(before - 1000);
    firstSharedAt = state.since;
    const { items } = await portal();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      instrument: 'phq-9',
      title: 'PHQ-9',
      first: { score: 16, band: 'moderately severe' },
      latest: { score: 8, band: 'mild' },
    });
    expect(items[0]?.sentence).toBe(
      'Your PHQ-9 score has gone from 16 to 8 since you started — a change large enough to count as a real improvement.',
    );
  });

  it('all instruments: no clear change, and worsening without diagnostic labels', async () => {
    const r = await share(therapist);
    expect(r.json()).toEqual({ episodeId, shared: 'all' });
    // Sharing more keeps the date sharing began.
    expect((await sharing(therapist)).json()).toMatchObject({
      shared: 'all',
      since: firstSharedAt,
    });
    const body = await portal();
    const by = new Map(body.items.map((i) => [i.instrument, i]));
    expect([...by.keys()]).toEqual(['phq-9', 'gad-7', 'pcl-5']);
    expect(by.get('gad-7')?.sentence).toBe(
      'Your GAD-7 score has gone from 10 to 8 since you started — no clear change yet.',
    );
    const pcl = by.get('pcl-5');
    expect(pcl?.sentence).toContain('higher than when you started');
    expect(pcl?.sentence).toContain('your therapist will talk this through with you');
    expect(pcl?.latest.band).toBe('above the screening cut-off');
    expect(pcl?.first.band).toBe('below the screening cut-off');
    expect(JSON.stringify(body).toLowerCase()).not.toContain('ptsd');
  });

  it('another client sees nothing of it', async () => {
    expect(await portal(otherClient)).toEqual({ items: [] });
  });

  it('stopping sharing hides it again, and both are audited', async () => {
    const r = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/progress/unshare`,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ episodeId, shared: null });
    expect(await portal()).toEqual({ items: [] });
    expect((await sharing(therapist)).json()).toMatchObject({ shared: null, since: null });
    const audit = await h.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.resourceId, episodeId));
    const actions = audit.filter((a) => a.action.startsWith('progress.'));
    expect(actions.map((a) => [a.action, a.outcome])).toEqual(
      expect.arrayContaining([
        ['progress.share', 'denied'],
        ['progress.share', 'success'],
        ['progress.unshare', 'success'],
        ['progress.sharing.read', 'success'],
        ['progress.sharing.read', 'denied'],
      ]),
    );
  });
});
