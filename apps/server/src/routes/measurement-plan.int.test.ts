import { randomUUID } from 'node:crypto';
import { appointments } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEpisode } from '../testing/appointments-fixtures';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

/**
 * The measurement plan as the episode page uses it (issue 9, item 2): read the plan, add a
 * questionnaire with how often and from when, pause and stop it, send one now, and follow what
 * was sent and completed; the client finds it in the portal.
 */
let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let episodeId = '';
const NOW = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const PHQ9 = [1, 1, 0, 0, 1, 0, 0, 1, 0];

const planUrl = () => `/api/v1/episodes/${episodeId}/measurement-plan`;
const tasksUrl = () => `/api/v1/episodes/${episodeId}/measure-tasks`;

async function session(startsAt: Date): Promise<string> {
  const id = randomUUID();
  await h.services.db.insert(appointments).values({
    id,
    practiceId: h.cast.therapist.practiceId,
    episodeId,
    therapistId: h.cast.therapist.userId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 50 * 60_000),
  });
  return id;
}

const plan = (items: Record<string, unknown>[]) =>
  therapist.request({ method: 'PUT', url: planUrl(), payload: { items } });

async function sendBefore(startsAt: Date): Promise<string[]> {
  const r = await therapist.request({
    method: 'POST',
    url: `/api/v1/appointments/${await session(startsAt)}/measure-tasks`,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r
    .json()
    .tasks.map((t: { instrument: string }) => t.instrument)
    .sort();
}

beforeAll(async () => {
  h = await createHarness();
  episodeId = await insertEpisode(h, {
    clientId: h.cast.client.clientId ?? '',
    therapist: h.cast.therapist,
  });
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
  client = await signInAs(h.app, h.cast.client);
  h.services.now = () => NOW;
});
afterAll(async () => h?.close());

describe('the plan on the episode page', () => {
  it('adds questionnaires every few weeks, once, and from a start day; pauses and stops them', async () => {
    const first = await therapist.request({ method: 'GET', url: planUrl() });
    expect(first.statusCode).toBe(200);
    const items = first.json().items;
    const saved = await plan([
      ...items
        .filter((i: { instrument: string }) => i.instrument !== 'session-feedback')
        .map((i: Record<string, unknown>) =>
          i.instrument === 'gad-7'
            ? { ...i, title: undefined, active: false }
            : { ...i, title: undefined },
        ),
      {
        instrument: 'who-5',
        schedule: 'every-n-weeks',
        everyN: 2,
        active: true,
        startsOn: '2026-03-16',
      },
      { instrument: 'pcl-5', schedule: 'once', active: true, startsOn: null },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    const byKey = Object.fromEntries(
      saved.json().items.map((i: { instrument: string }) => [i.instrument, i]),
    );
    expect(Object.keys(byKey).sort()).toEqual(['core-10', 'gad-7', 'pcl-5', 'phq-9', 'who-5']);
    expect(byKey['who-5']).toMatchObject({
      title: expect.stringMatching(/WHO-5|Well-Being/i),
      schedule: 'every-n-weeks',
      everyN: 2,
      startsOn: '2026-03-16',
      active: true,
    });
    expect(byKey['pcl-5']).toMatchObject({ schedule: 'once', everyN: null, startsOn: null });
    expect(byKey['gad-7']).toMatchObject({ active: false });
    // What was saved is what is read.
    const again = await therapist.request({ method: 'GET', url: planUrl() });
    expect(again.json()).toEqual(saved.json());
  });

  it.each([
    [{ instrument: 'who-5', schedule: 'every-n-weeks', active: true }, 'items.0.everyN'],
    [{ instrument: 'who-5', schedule: 'once', everyN: 2, active: true }, 'items.0.everyN'],
  ])('refuses %j naming %s', async (item, path) => {
    const r = await plan([item]);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('stopping the last questionnaire pauses the plan rather than bringing the defaults back', async () => {
    const emptied = await plan([]);
    expect(emptied.statusCode, emptied.body).toBe(200);
    const items = (await therapist.request({ method: 'GET', url: planUrl() })).json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { active: boolean }) => !i.active)).toBe(true);
  });

  it('refuses a start day that is not a date', async () => {
    const r = await plan([
      { instrument: 'who-5', schedule: 'once', active: true, startsOn: '2026-13-40' },
    ]);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('the plan before sessions', () => {
  it('asks "once" once, "every few weeks" from its start day, and nothing paused', async () => {
    await plan([
      { instrument: 'phq-9', schedule: 'before-every-session', active: true },
      { instrument: 'gad-7', schedule: 'before-every-session', active: false },
      { instrument: 'pcl-5', schedule: 'once', active: true },
      {
        instrument: 'who-5',
        schedule: 'every-n-weeks',
        everyN: 2,
        active: true,
        startsOn: '2026-03-16',
      },
    ]);
    // Before the start day: PHQ-9 and the one-off PCL-5; WHO-5 waits, GAD-7 is paused.
    expect(await sendBefore(new Date(NOW.getTime() + 3 * DAY))).toEqual(['pcl-5', 'phq-9']);
    // From the start day: WHO-5 too; PCL-5 is not asked again.
    expect(await sendBefore(new Date('2026-03-17T10:00:00Z'))).toEqual(['phq-9', 'who-5']);
    // A week later WHO-5 (every two weeks) is not due yet.
    expect(await sendBefore(new Date('2026-03-24T10:00:00Z'))).toEqual(['phq-9']);
    // Two weeks after the last one it is.
    expect(await sendBefore(new Date('2026-03-31T10:00:00Z'))).toEqual(['phq-9', 'who-5']);
  });
});

describe('sending one questionnaire now', () => {
  it('puts it in the client’s portal, lists it for the therapist, and shows it completed', async () => {
    await h.database.pool.query(
      `UPDATE measure_tasks SET status = 'expired' WHERE episode_id = $1`,
      [episodeId],
    );
    const sent = await therapist.request({
      method: 'POST',
      url: tasksUrl(),
      payload: { instrument: 'phq-9' },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      emailed: true,
      task: {
        instrument: 'phq-9',
        title: expect.stringContaining('PHQ-9'),
        status: 'open',
        appointmentId: null,
      },
    });
    const taskId: string = sent.json().task.id;

    // The e-mail says there is something to complete, never which questionnaire.
    const mail = await h.database.pool.query(
      `SELECT subject, text_body FROM outbox_messages WHERE kind = 'questionnaire' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(JSON.stringify(mail.rows[0])).not.toMatch(/PHQ|depress/i);

    const portal = await client.request({ method: 'GET', url: '/api/v1/portal/measure-tasks' });
    expect(portal.json().items.map((t: { id: string }) => t.id)).toContain(taskId);

    const listed = await therapist.request({ method: 'GET', url: tasksUrl() });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items[0]).toMatchObject({ id: taskId, status: 'open' });

    // Not twice while it waits.
    const twice = await therapist.request({
      method: 'POST',
      url: tasksUrl(),
      payload: { instrument: 'phq-9' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already waiting/);

    // A session's plan does not ask for the PHQ-9 again while the one sent now waits.
    const before = await sendBefore(new Date(NOW.getTime() + 2 * DAY));
    expect(before).not.toContain('phq-9');
    const portalNow = await client.request({ method: 'GET', url: '/api/v1/portal/measure-tasks' });
    const phq9Waiting = portalNow
      .json()
      .items.filter((t: { instrument: string }) => t.instrument === 'phq-9');
    expect(phq9Waiting).toHaveLength(1);

    const done = await client.request({
      method: 'POST',
      url: `/api/v1/portal/measure-tasks/${taskId}/submit`,
      payload: { answers: PHQ9 },
    });
    expect(done.statusCode, done.body).toBe(200);
    const after = await therapist.request({ method: 'GET', url: tasksUrl() });
    expect(after.json().items.find((t: { id: string }) => t.id === taskId)).toMatchObject({
      status: 'completed',
      completedAt: expect.any(String),
    });
  });

  it('refuses an unknown questionnaire, and anyone but the episode’s therapist', async () => {
    const unknown = await therapist.request({
      method: 'POST',
      url: tasksUrl(),
      payload: { instrument: 'oq-45' },
    });
    expect(unknown.statusCode).toBe(400);
    for (const caller of [otherTherapist, client]) {
      const post = await caller.request({
        method: 'POST',
        url: tasksUrl(),
        payload: { instrument: 'gad-7' },
      });
      expect(post.statusCode).toBe(404);
      expect((await caller.request({ method: 'GET', url: tasksUrl() })).statusCode).toBe(404);
    }
    const audit = await h.services.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'measure-task.send' AND outcome = 'denied'`,
    );
    expect(audit.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('sends nothing in a closed episode', async () => {
    const closed = await insertEpisode(h, {
      clientId: h.cast.client.clientId ?? '',
      therapist: h.cast.therapist,
      phase: 'closed',
    });
    const r = await therapist.request({
      method: 'POST',
      url: `/api/v1/episodes/${closed}/measure-tasks`,
      payload: { instrument: 'phq-9' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('EPISODE_PHASE_FORBIDS');
    expect(r.json().detail).toMatch(/closed; questionnaires cannot be sent/);
  });
});
