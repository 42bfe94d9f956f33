import { randomUUID } from 'node:crypto';
import { alerts, appointments, episodes, measureTasks } from '@throughline/domain/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEpisode } from '../testing/appointments-fixtures';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

// Issue 7, items 15, 18, 19 and 21, through the API.

let h: Harness;
let admin: Caller;
let therapist: Caller;
let client: Caller;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await createHarness();
  admin = await signInAs(h.app, h.cast.admin);
  therapist = await signInAs(h.app, h.cast.therapist);
  client = await signInAs(h.app, h.cast.client);
});
afterAll(async () => h?.close());

/** A fresh open episode of the cast's therapist and client (one open at a time: close the last). */
async function newEpisode(): Promise<string> {
  await h.services.db
    .update(episodes)
    .set({ phase: 'closed', closedAt: new Date() })
    .where(eq(episodes.clientId, h.cast.client.clientId ?? ''));
  return insertEpisode(h, { clientId: h.cast.client.clientId ?? '', therapist: h.cast.therapist });
}

async function riskAlerts(episodeId: string) {
  return h.services.db
    .select()
    .from(alerts)
    .where(and(eq(alerts.episodeId, episodeId), eq(alerts.kind, 'risk-item')));
}

async function session(episodeId: string, daysAgo: number, status = 'attended' as const) {
  const id = randomUUID();
  const startsAt = new Date(Date.now() - daysAgo * DAY);
  await h.services.db.insert(appointments).values({
    id,
    practiceId: h.cast.therapist.practiceId,
    episodeId,
    therapistId: h.cast.therapist.userId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 50 * 60_000),
    status,
  });
  return id;
}

async function openTask(episodeId: string, instrument: string): Promise<string> {
  const id = randomUUID();
  await h.services.db.insert(measureTasks).values({
    id,
    practiceId: h.cast.therapist.practiceId,
    episodeId,
    instrument,
    dueAt: new Date(Date.now() + DAY),
  });
  return id;
}

describe('15: a risk item on an incomplete form is never lost', () => {
  const incomplete = [1, 1, 1, null, 1, 1, 1, 1, 3];

  it('the score endpoint refuses, naming the risk flag, with crisis resources', async () => {
    const r = await therapist.request({
      method: 'POST',
      url: '/api/v1/instruments/phq-9/score',
      payload: { answers: incomplete },
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'answers[3]' }],
      flags: ['risk-item'],
      crisisResources: { title: expect.any(String), lines: expect.any(Array) },
    });
    const clean = await therapist.request({
      method: 'POST',
      url: '/api/v1/instruments/phq-9/score',
      payload: { answers: [1, 1, 1, null, 1, 1, 1, 1, 0] },
    });
    expect(clean.statusCode).toBe(400);
    expect(clean.json()).not.toHaveProperty('flags');
    expect(clean.json()).not.toHaveProperty('crisisResources');
  });

  it('a submitted PHQ-9 with a gap raises the urgent alert and answers with crisis resources', async () => {
    const ep = await newEpisode();
    const r = await client.request({
      method: 'POST',
      url: `/api/v1/episodes/${ep}/responses`,
      payload: { instrument: 'phq-9', answers: incomplete },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ flags: ['risk-item'], crisisResources: expect.any(Object) });
    const raised = await riskAlerts(ep);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ severity: 'urgent', responseId: null, rule: 'risk-item' });
    const list = await therapist.request({ method: 'GET', url: `/api/v1/episodes/${ep}/alerts` });
    expect(list.json().items[0].explanation).toMatch(/item 9 was answered 3.*not complete/);
  });

  it('CORE-10 item 6 on a short form, entered by the therapist', async () => {
    const ep = await newEpisode();
    const r = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${ep}/responses`,
      payload: { instrument: 'core-10', answers: [0, 4, 4, 0, 0, 1] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().flags).toEqual(['risk-item']);
    expect(await riskAlerts(ep)).toHaveLength(1);
  });

  it('partial saves raise one alert per task, show crisis resources each time, and the submission reuses it', async () => {
    const ep = await newEpisode();
    const task = await openTask(ep, 'phq-9');
    const url = `/api/v1/portal/measure-tasks/${task}/progress`;
    const partial = [1, null, null, null, null, null, null, null, 2];
    for (let i = 0; i < 3; i++) {
      const saved = await client.request({ method: 'PUT', url, payload: { answers: partial } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().crisisResources).toMatchObject({ title: expect.any(String) });
    }
    // Refused answers (item 1 out of range) still keep the risk item.
    const refused = await client.request({
      method: 'PUT',
      url,
      payload: { answers: [9, null, null, null, null, null, null, null, 3] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      flags: ['risk-item'],
      crisisResources: expect.any(Object),
    });
    expect(await riskAlerts(ep)).toHaveLength(1);

    const submitted = await client.request({
      method: 'POST',
      url: `/api/v1/portal/measure-tasks/${task}/submit`,
      payload: { answers: [1, 1, 1, 1, 1, 1, 1, 1, 2] },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().crisisResources).not.toBeNull();
    const after = await riskAlerts(ep);
    expect(after).toHaveLength(1);
    expect(after[0]?.responseId).toBe(submitted.json().response.id);
  });

  it('a partial save on a fresh task with a different client answer raises its own alert', async () => {
    const ep = await newEpisode();
    const task = await openTask(ep, 'core-10');
    const saved = await client.request({
      method: 'PUT',
      url: `/api/v1/portal/measure-tasks/${task}/progress`,
      payload: { answers: [null, null, null, null, null, 1, null, null, null, null] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().crisisResources).not.toBeNull();
    expect(await riskAlerts(ep)).toHaveLength(1);
  });
});

describe('18: only attended treatment sessions count; open episodes are provisional', () => {
  const outcome = async (ep: string) => {
    const r = await therapist.request({ method: 'GET', url: `/api/v1/episodes/${ep}/outcome` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const respond = async (ep: string, instrument: string, answers: number[], daysAgo: number) => {
    const r = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${ep}/responses`,
      payload: { instrument, answers, completedAt: new Date(Date.now() - daysAgo * DAY) },
    });
    expect(r.statusCode, r.body).toBe(201);
  };

  it('assessment sessions are marked through the API and do not make an episode eligible', async () => {
    const ep = await newEpisode();
    const assessment = await session(ep, 30);
    await session(ep, 20);
    await session(ep, 10);
    await respond(ep, 'phq-9', [2, 2, 2, 2, 2, 2, 2, 2, 0], 31);
    await respond(ep, 'gad-7', [2, 2, 2, 2, 2, 2, 2], 31);
    await respond(ep, 'phq-9', [1, 1, 0, 0, 0, 0, 0, 0, 0], 9);
    await respond(ep, 'gad-7', [1, 1, 0, 0, 0, 0, 0], 9);
    expect(await outcome(ep)).toMatchObject({
      eligible: true,
      provisional: true,
      attendedSessions: 3,
      attendedTreatmentSessions: 3,
    });

    const marked = await therapist.request({
      method: 'PATCH',
      url: `/api/v1/appointments/${assessment}`,
      payload: { kind: 'assessment' },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().appointment.kind).toBe('assessment');
    expect(await outcome(ep)).toMatchObject({ eligible: true, attendedTreatmentSessions: 2 });

    const second = (
      await h.services.db.select().from(appointments).where(eq(appointments.episodeId, ep))
    )
      .map((a) => a.id)
      .find((id) => id !== assessment) as string;
    await therapist.request({
      method: 'PATCH',
      url: `/api/v1/appointments/${second}`,
      payload: { kind: 'assessment' },
    });
    expect(await outcome(ep)).toMatchObject({
      eligible: false,
      reason: expect.stringMatching(/Fewer than two attended treatment sessions \(1\)/),
      attendedSessions: 3,
      attendedTreatmentSessions: 1,
      provisional: true,
    });

    await h.services.db
      .update(episodes)
      .set({ phase: 'closed', closedAt: new Date() })
      .where(eq(episodes.id, ep));
    expect(await outcome(ep)).toMatchObject({ provisional: false });
  });

  it('a session is booked as an assessment; a client cannot re-mark it', async () => {
    const ep = await newEpisode();
    const r = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${ep}/appointments`,
      payload: { start: '2030-05-06T10:00', durationMinutes: 50, kind: 'assessment' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const booked = r.json().appointments[0];
    expect(booked.kind).toBe('assessment');
    const plain = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${ep}/appointments`,
      payload: { start: '2030-05-13T10:00', durationMinutes: 50 },
    });
    expect(plain.json().appointments[0].kind).toBe('treatment');
    const byClient = await client.request({
      method: 'PATCH',
      url: `/api/v1/appointments/${booked.id}`,
      payload: { kind: 'treatment' },
    });
    expect(byClient.statusCode).toBe(403);
    const bad = await therapist.request({
      method: 'PATCH',
      url: `/api/v1/appointments/${booked.id}`,
      payload: { kind: 'intake' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('19 and 21: practice measurement settings', () => {
  const settings = (payload: Record<string, unknown>, caller = admin) =>
    caller.request({ method: 'PATCH', url: '/api/v1/practice/measure-settings', payload });

  it('PCL-5 reliable change: default 10, a practice setting from 5 to 10, shown in the explanation', async () => {
    const read = await therapist.request({
      method: 'GET',
      url: '/api/v1/practice/measure-settings',
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      version: 1,
      pcl5ReliableChange: 10,
      pcl5ReliableChangeRange: { min: 5, max: 10 },
    });
    for (const bad of [4, 11])
      expect((await settings({ pcl5ReliableChange: bad })).statusCode).toBe(400);

    /** PCL-5 answers (20 items, 0–4) summing to `total`, two points per item. */
    const pcl = (total: number) =>
      Array.from({ length: 20 }, (_, i) => Math.max(0, Math.min(2, total - 2 * i)));
    const ep = await newEpisode();
    const post = (answers: number[], daysAgo: number) =>
      therapist.request({
        method: 'POST',
        url: `/api/v1/episodes/${ep}/responses`,
        payload: {
          instrument: 'pcl-5',
          answers,
          completedAt: new Date(Date.now() - daysAgo * DAY),
        },
      });
    expect((await post(pcl(30), 20)).statusCode).toBe(201);
    const withDefault = await post(pcl(37), 10); // +7: under the default 10
    expect(withDefault.statusCode, withDefault.body).toBe(201);
    expect(withDefault.json().alerts).toEqual([]);

    expect((await settings({ pcl5ReliableChange: 7 })).json().pcl5ReliableChange).toBe(7);
    const withSeven = await post(pcl(37), 5);
    expect(withSeven.statusCode).toBe(201);
    const alert = withSeven
      .json()
      .alerts.find((a: { kind: string }) => a.kind === 'reliable-deterioration');
    expect(alert).toMatchObject({ inputs: { reliableChange: 7 } });
    expect(alert.explanation).toMatch(/reliable-change value of 7 \(the practice's setting/);
    await settings({ pcl5ReliableChange: 10 });
  });

  it('a switched-off instrument cannot be planned or scored (409); existing data stays readable', async () => {
    const ep = await newEpisode();
    const core = [1, 3, 3, 1, 1, 0, 1, 1, 1, 1];
    const before = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${ep}/responses`,
      payload: { instrument: 'core-10', answers: core },
    });
    expect(before.statusCode).toBe(201);

    const all = (
      await admin.request({ method: 'GET', url: '/api/v1/practice/measure-settings' })
    ).json();
    const off = await settings({
      enabledInstruments: all.enabledInstruments.filter((k: string) => k !== 'core-10'),
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().instruments).toContainEqual(
      expect.objectContaining({
        key: 'core-10',
        enabled: false,
        license: expect.stringMatching(/CORE System Trust/),
      }),
    );
    expect((await settings({ enabledInstruments: ['oq-45'] })).statusCode).toBe(400);
    expect((await settings({ pcl5ReliableChange: 8 }, therapist)).statusCode).toBe(403);

    const scored = await therapist.request({
      method: 'POST',
      url: '/api/v1/instruments/core-10/score',
      payload: { answers: core },
    });
    expect(scored.statusCode).toBe(409);
    expect(scored.json().detail).toMatch(/switched off for this practice/);
    const recorded = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${ep}/responses`,
      payload: { instrument: 'core-10', answers: core },
    });
    expect(recorded.statusCode).toBe(409);
    const planned = await therapist.request({
      method: 'PUT',
      url: `/api/v1/episodes/${ep}/measurement-plan`,
      payload: {
        items: [{ instrument: 'core-10', schedule: 'every-n-sessions', everyN: 4, active: true }],
      },
    });
    expect(planned.statusCode).toBe(409);
    // The risk item still raises its alert on a switched-off instrument.
    const risky = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${ep}/responses`,
      payload: { instrument: 'core-10', answers: [1, 3, 3, 1, 1, 2, 1, 1, 1, 1] },
    });
    expect(risky.statusCode).toBe(409);
    expect(risky.json().flags).toEqual(['risk-item']);

    const task = await openTask(ep, 'core-10');
    const portal = await client.request({ method: 'GET', url: '/api/v1/portal/measure-tasks' });
    expect(portal.json().items.map((t: { id: string }) => t.id)).not.toContain(task);

    const scores = await therapist.request({ method: 'GET', url: `/api/v1/episodes/${ep}/scores` });
    expect(scores.statusCode).toBe(200);
    expect(scores.json().instruments.map((i: { instrument: string }) => i.instrument)).toContain(
      'core-10',
    );
    await settings({ enabledInstruments: all.enabledInstruments });
  });
});
