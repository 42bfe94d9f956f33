import { gasTScore } from '@throughline/clinical';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEpisodeFor } from '../testing/episodes';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let otherClient: Caller;
let episodeId: string;

const gasLevels = {
  '-2': 'Over an hour most nights',
  '-1': 'About an hour',
  '0': 'Within 30 minutes on most work nights',
  '+1': 'Within 30 minutes every work night',
  '+2': 'Within 15 minutes every night',
};

async function addGoal(clientWords: string, weight?: number): Promise<{ id: string }> {
  const response = await therapist.request({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/goals`,
    payload: {
      clientWords,
      therapistWords: `THERAPIST-ONLY ${clientWords}`,
      objectives: ['Evening playlist', 'Phone away at 22:00'],
      gasLevels,
      ...(weight ? { weight } : {}),
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const share = () =>
  therapist.request({ method: 'POST', url: `/api/v1/episodes/${episodeId}/plan/share` });

beforeAll(async () => {
  h = await createHarness();
  episodeId = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
  client = await signInAs(h.app, h.cast.client);
  otherClient = await signInAs(h.app, h.cast.otherClient);
});
afterAll(async () => h?.close());

describe('goals and the shared plan', () => {
  let sleepId: string;
  let musicId: string;

  it('keeps goals from the client until the plan is shared, then shows only their part', async () => {
    sleepId = (await addGoal('SECRET-SLEEP Fall asleep within 30 minutes on work nights')).id;
    const before = await client.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/goals`,
    });
    expect(before.statusCode).toBe(200);
    expect(before.json().items).toEqual([]);
    expect((await client.request({ method: 'GET', url: '/api/v1/portal/plan' })).json().plan).toBe(
      null,
    );

    const shared = await share();
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json()).toMatchObject({ version: 1, changed: true, acknowledgedAt: null });

    const after = await client.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/goals`,
    });
    const [item] = after.json().items;
    expect(item.clientWords).toContain('Fall asleep');
    expect(item.objectives).toEqual(['Evening playlist', 'Phone away at 22:00']);
    expect(item).not.toHaveProperty('therapistWords');
    expect(item).not.toHaveProperty('gasLevels');
    expect(item).not.toHaveProperty('weight');
    expect(after.body).not.toContain('THERAPIST-ONLY');

    // The portal shows goals from the plan read alone (one place, one heading), not the home.
    const plan = await client.request({ method: 'GET', url: '/api/v1/portal/plan' });
    expect(plan.json().plan.goals).toHaveLength(1);
    expect(plan.json().plan.goals[0].clientWords).toContain('Fall asleep');
    const home = await client.request({ method: 'GET', url: '/api/v1/portal' });
    expect(home.json()).not.toHaveProperty('goals');

    const therapistView = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/goals`,
    });
    expect(therapistView.json().items[0]).toMatchObject({ gasLevels, weight: 1, status: 'active' });
  });

  it('refuses a client rating of a goal that was not shared, accepts one that was', async () => {
    musicId = (await addGoal('Use music to calm down before a shift', 2)).id;
    const unshared = await client.request({
      method: 'POST',
      url: `/api/v1/goals/${musicId}/client-ratings`,
      payload: { level: 1 },
    });
    expect(unshared.statusCode).toBe(404);
    const listed = await client.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/goals`,
    });
    expect(listed.json().items.map((g: { id: string }) => g.id)).toEqual([sleepId]);

    const rated = await client.request({
      method: 'POST',
      url: `/api/v1/goals/${sleepId}/client-ratings`,
      payload: { level: 1, comment: 'Better on Tuesdays' },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    const other = await otherClient.request({
      method: 'POST',
      url: `/api/v1/goals/${sleepId}/client-ratings`,
      payload: { level: 1 },
    });
    expect(other.statusCode).toBe(404);

    const therapistView = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/goals`,
    });
    const sleep = therapistView.json().items.find((g: { id: string }) => g.id === sleepId);
    expect(sleep.latestClientRating).toMatchObject({ level: 1, comment: 'Better on Tuesdays' });
  });

  it('asks the client to acknowledge each changed version of the plan', async () => {
    const changed = await share();
    expect(changed.json()).toMatchObject({ version: 2, changed: true, goals: 2 });
    const plan = (await client.request({ method: 'GET', url: '/api/v1/portal/plan' })).json().plan;
    expect(plan).toMatchObject({ version: 2, acknowledgedAt: null });
    expect(plan.goals).toHaveLength(2);
    expect(plan.scale['0']).toBe('What we expected');

    const ack = await client.request({
      method: 'POST',
      url: '/api/v1/portal/plan/acknowledge',
      payload: { planId: plan.id },
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBe(null);
    // Who acknowledged is kept on the plan version's `shared-plan` agreement (issue 8); the
    // legacy treatment_plans columns are no longer written.
    const [row] = (
      await h.services.db.execute<{ party: string; response: string; responded_by: string }>(
        sql`SELECT r.party, r.response, r.responded_by FROM agreement_responses r
            JOIN agreement_versions v ON v.practice_id = r.practice_id AND v.id = r.version_id
            WHERE v.subject_id = ${plan.id} AND r.party = 'client'`,
      )
    ).rows;
    expect(row).toMatchObject({ response: 'accepted', responded_by: h.cast.client.userId });

    // Unchanged: the same version, still acknowledged.
    const again = await share();
    expect(again.json()).toMatchObject({ version: 2, changed: false });
    expect(again.json().acknowledgedAt).not.toBe(null);

    // Changed: a new version, asked again; the old one can no longer be acknowledged.
    const patched = await therapist.request({
      method: 'PATCH',
      url: `/api/v1/goals/${musicId}`,
      payload: { objectives: ['Two songs before leaving home'] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const v3 = await share();
    expect(v3.json()).toMatchObject({ version: 3, changed: true, acknowledgedAt: null });
    const stale = await client.request({
      method: 'POST',
      url: '/api/v1/portal/plan/acknowledge',
      payload: { planId: plan.id },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('PLAN_NOT_CURRENT');
    const current = (await client.request({ method: 'GET', url: '/api/v1/portal/plan' })).json()
      .plan;
    expect(current).toMatchObject({ version: 3, acknowledgedAt: null });
  });

  it('stores each review with its GAS T-score and rule, as a series', async () => {
    const first = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/goal-reviews`,
      payload: {
        ratings: [
          { goalId: sleepId, level: -1 },
          { goalId: musicId, level: 0 },
        ],
        note: 'Slow start',
      },
    });
    expect(first.statusCode, first.body).toBe(201);
    const expected = gasTScore([{ level: -1 }, { level: 0, weight: 2 }]);
    expect(first.json().tScore).toBeCloseTo(expected.tScore, 10);
    expect(first.json()).toMatchObject({ rule: expected.rule, ruleVersion: expected.version });
    const [stored] = (
      await h.services.db.execute<{ t_score: number; rule: string; rule_version: string }>(
        sql`SELECT t_score, rule, rule_version FROM goal_reviews WHERE id = ${first.json().id}`,
      )
    ).rows;
    expect(stored?.rule).toMatch(/Kiresuk/);
    expect(Number(stored?.t_score)).toBeCloseTo(expected.tScore, 10);

    await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/goal-reviews`,
      payload: {
        ratings: [
          { goalId: sleepId, level: 1 },
          { goalId: musicId, level: 1 },
        ],
      },
    });
    const series = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/goal-reviews`,
    });
    const scores = series.json().items.map((r: { tScore: number }) => r.tScore);
    expect(scores).toHaveLength(2);
    expect(scores[1]).toBeGreaterThan(scores[0]);
    expect(series.json().items[0].note).toBe('Slow start');

    const bad = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/goal-reviews`,
      payload: { ratings: [{ goalId: sleepId, level: 3 }] },
    });
    expect(bad.statusCode).toBe(400);
    const otherEpisode = await otherTherapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/goal-reviews`,
      payload: { ratings: [{ goalId: sleepId, level: 0 }] },
    });
    expect(otherEpisode.statusCode).toBe(404);
  });

  it('keeps goal texts, comments and review notes encrypted at rest', async () => {
    const goals = await h.services.db.execute<Record<string, string>>(
      sql`SELECT client_words, therapist_words, objectives, gas_levels FROM goals`,
    );
    const ratings = await h.services.db.execute(sql`SELECT comment FROM goal_client_ratings`);
    const reviews = await h.services.db.execute(sql`SELECT note FROM goal_reviews`);
    const plans = await h.services.db.execute(sql`SELECT snapshot FROM treatment_plans`);
    const raw = JSON.stringify([goals.rows, ratings.rows, reviews.rows, plans.rows]);
    expect(goals.rows.length).toBeGreaterThan(0);
    for (const secret of [
      'SECRET-SLEEP',
      'THERAPIST-ONLY',
      'Evening playlist',
      'Tuesdays',
      'Slow start',
      'Within 30 minutes',
    ]) {
      expect(raw).not.toContain(secret);
    }
  });
});

describe('reflection', () => {
  it('puts open discussion items and active goals in the brief until resolved', async () => {
    const created = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/discussion-items`,
      payload: { text: 'Ask about the night-shift week' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const brief = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/brief`,
    });
    expect(brief.statusCode, brief.body).toBe(200);
    const { toDiscuss, goals } = brief.json().sections;
    expect(toDiscuss.map((i: { text: string }) => i.text)).toContain(
      'Ask about the night-shift week',
    );
    expect(goals.length).toBe(2);
    expect(
      goals.some((g: { latestReview: { level: number } | null }) => g.latestReview?.level === 1),
    ).toBe(true);

    const resolved = await therapist.request({
      method: 'POST',
      url: `/api/v1/discussion-items/${created.json().id}/resolve`,
    });
    expect(resolved.statusCode).toBe(200);
    const twice = await therapist.request({
      method: 'POST',
      url: `/api/v1/discussion-items/${created.json().id}/resolve`,
    });
    expect(twice.statusCode).toBe(409);
    const later = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/brief`,
    });
    expect(later.json().sections.toDiscuss).toBeUndefined();
  });

  it('refuses a source that is not in the episode', async () => {
    const response = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/discussion-items`,
      payload: { text: 'x', source: { kind: 'review', id: crypto.randomUUID() } },
    });
    expect(response.statusCode).toBe(400);
  });

  it('writes a private reflection as a psychotherapy note that no one else can read', async () => {
    const reviews = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/goal-reviews`,
    });
    const reviewId = reviews.json().items[0].id;
    const created = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${episodeId}/reflections`,
      payload: {
        body: 'SECRET-REFLECTION my own impatience',
        about: { kind: 'review', id: reviewId },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().about).toEqual({ kind: 'review', id: reviewId });
    const id = created.json().id;
    const mine = await therapist.request({
      method: 'GET',
      url: `/api/v1/psychotherapy-notes/${id}`,
    });
    expect(mine.json().body).toBe('SECRET-REFLECTION my own impatience');
    for (const caller of [otherTherapist, client]) {
      const response = await caller.request({
        method: 'GET',
        url: `/api/v1/psychotherapy-notes/${id}`,
      });
      expect(response.statusCode).toBe(404);
    }
    const raw = await h.services.db.execute(sql`SELECT body FROM psychotherapy_notes`);
    expect(JSON.stringify(raw.rows)).not.toContain('SECRET-REFLECTION');
    const brief = await therapist.request({
      method: 'GET',
      url: `/api/v1/episodes/${episodeId}/brief`,
    });
    expect(brief.body).not.toContain('SECRET-REFLECTION');
  });
});
