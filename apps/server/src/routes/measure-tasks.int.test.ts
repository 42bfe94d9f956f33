import { randomUUID } from 'node:crypto';
import {
  createAppointments,
  type JobQueue,
  MEASURE_INVITATION_QUEUE,
  NEUTRAL_MEASURE_INVITATION,
  sendMeasureInvitations,
} from '@throughline/domain';
import { appointments } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../operator';
import { addClient, insertEpisode } from '../testing/appointments-fixtures';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;
let otherClient: Caller;
/** The cast client's episode: the portal. */
let episodeA = '';
/** Another client's episode: plans and e-mails. */
let episodeB = '';
let clientB = '';
const NOW = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;

async function appointment(episodeId: string, startsAt: Date): Promise<string> {
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

async function mailTo(clientId: string): Promise<{ subject: string; text_body: string }[]> {
  const r = await h.database.pool.query(
    `SELECT subject, text_body FROM outbox_messages o JOIN clients c ON c.email = o.to_address
     WHERE c.id = $1 AND subject NOT ILIKE '%invit%' ORDER BY o.created_at`,
    [clientId],
  );
  return r.rows;
}

const sendTasks = (appointmentId: string, caller = therapist) =>
  caller.request({ method: 'POST', url: `/api/v1/appointments/${appointmentId}/measure-tasks` });

beforeAll(async () => {
  h = await createHarness();
  episodeA = await insertEpisode(h, {
    clientId: h.cast.client.clientId ?? '',
    therapist: h.cast.therapist,
  });
  clientB = await addClient(h, h.cast.therapist, 'Plan Client');
  episodeB = await insertEpisode(h, { clientId: clientB, therapist: h.cast.therapist });
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
  client = await signInAs(h.app, h.cast.client);
  otherClient = await signInAs(h.app, h.cast.otherClient);
  // After signing in (two-factor codes follow the real clock).
  h.services.now = () => NOW;
});
afterAll(async () => h?.close());

describe('measurement plan', () => {
  const url = () => `/api/v1/episodes/${episodeB}/measurement-plan`;

  it('starts from the practice defaults, created once on first read', async () => {
    const first = await therapist.request({ method: 'GET', url: url() });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toEqual([
      expect.objectContaining({
        instrument: 'phq-9',
        schedule: 'before-every-session',
        active: true,
      }),
      expect.objectContaining({
        instrument: 'gad-7',
        schedule: 'before-every-session',
        active: true,
      }),
      expect.objectContaining({
        instrument: 'core-10',
        schedule: 'every-n-sessions',
        everyN: 4,
        active: false,
      }),
      expect.objectContaining({ instrument: 'session-feedback', schedule: 'before-every-session' }),
    ]);
    await therapist.request({ method: 'GET', url: url() });
    const rows = await h.services.db.execute(
      sql`SELECT count(*)::int AS n FROM measurement_plans WHERE episode_id = ${episodeB}`,
    );
    expect(rows.rows[0]?.n).toBe(4);
    expect((await otherTherapist.request({ method: 'GET', url: url() })).statusCode).toBe(404);
  });

  it.each([
    [{ instrument: 'oq-45', schedule: 'weekly', active: true }, 'items.0.instrument'],
    [{ instrument: 'phq-9', schedule: 'every-n-sessions', active: true }, 'items.0.everyN'],
    [
      { instrument: 'phq-9', schedule: 'every-n-sessions', everyN: 0, active: true },
      'items.0.everyN',
    ],
    [{ instrument: 'phq-9', schedule: 'weekly', everyN: 3, active: true }, 'items.0.everyN'],
  ])('refuses %j naming %s', async (item, path) => {
    const r = await therapist.request({ method: 'PUT', url: url(), payload: { items: [item] } });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('replaces the plan; instruments left out are removed', async () => {
    const r = await therapist.request({
      method: 'PUT',
      url: url(),
      payload: {
        items: [
          { instrument: 'phq-9', schedule: 'every-n-sessions', everyN: 2, active: true },
          { instrument: 'who-5', schedule: 'weekly', active: true },
        ],
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(
      r
        .json()
        .items.map((i: { instrument: string }) => i.instrument)
        .sort(),
    ).toEqual(['phq-9', 'who-5']);
    const again = await therapist.request({ method: 'GET', url: url() });
    expect(again.json().items).toHaveLength(2);
  });
});

describe('tasks before a session', () => {
  it('creates the due tasks once and e-mails a neutral message once', async () => {
    const id = await appointment(episodeB, new Date(NOW.getTime() + 2 * DAY));
    const first = await sendTasks(id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ sessionNumber: 1, created: 2, emailed: true });
    const second = await sendTasks(id);
    expect(second.json()).toMatchObject({ created: 0, emailed: false });
    expect(second.json().tasks).toHaveLength(2);
    const mail = await mailTo(clientB);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text_body).toContain(NEUTRAL_MEASURE_INVITATION);
    expect(JSON.stringify(mail)).not.toMatch(/PHQ|WHO|questionnaire|depress|2026/i);
  });

  it('sends no e-mail when the client does not allow e-mail; details only when allowed', async () => {
    await h.services.db.execute(sql`UPDATE clients SET may_email = false WHERE id = ${clientB}`);
    const before = (await mailTo(clientB)).length;
    const quiet = await sendTasks(await appointment(episodeB, new Date(NOW.getTime() + 9 * DAY)));
    expect(quiet.json()).toMatchObject({ created: 2, emailed: false });
    expect(quiet.json().tasks.every((t: { notifiedAt: unknown }) => t.notifiedAt === null)).toBe(
      true,
    );
    expect((await mailTo(clientB)).length).toBe(before);

    await h.services.db.execute(
      sql`UPDATE clients SET may_email = true, email_may_include_details = true WHERE id = ${clientB}`,
    );
    const detailed = await sendTasks(
      await appointment(episodeB, new Date(NOW.getTime() + 16 * DAY)),
    );
    expect(detailed.json()).toMatchObject({ emailed: true });
    const last = (await mailTo(clientB)).at(-1);
    expect(last?.text_body).toContain('2 short questionnaires');
    expect(last?.text_body).toContain('March 2026');
    expect(JSON.stringify(last)).not.toMatch(/PHQ|WHO-5|wellbeing|depress/i);
  });

  it('refuses other therapists and sessions that are not scheduled', async () => {
    const id = await appointment(episodeB, new Date(NOW.getTime() + 30 * DAY));
    expect((await sendTasks(id, otherTherapist)).statusCode).toBe(404);
    expect((await sendTasks(randomUUID())).statusCode).toBe(404);
    await h.services.db.execute(sql`UPDATE appointments SET status = 'cancelled' WHERE id = ${id}`);
    expect((await sendTasks(id)).statusCode).toBe(409);
  });

  it('the invitation job skips a moved session and is idempotent', async () => {
    const startsAt = new Date(NOW.getTime() + 23 * DAY);
    const id = await appointment(episodeB, startsAt);
    const job = (at: Date) => ({
      practiceId: h.cast.therapist.practiceId,
      appointmentId: id,
      startsAt: at.toISOString(),
    });
    expect(
      await sendMeasureInvitations(h.services, job(new Date(startsAt.getTime() + 3_600_000))),
    ).toBe('skipped-stale');
    expect(await sendMeasureInvitations(h.services, job(startsAt))).toBe('created');
    expect(await sendMeasureInvitations(h.services, job(startsAt))).toBe('nothing-due');
  });

  it('booking a future session queues the invitation 48 h before it (none without a queue)', async () => {
    const sent: { queue: string; startAfter: Date; data: Record<string, string> }[] = [];
    const fake: JobQueue = {
      send: async (_tx, job, data, options) => {
        sent.push({ queue: job.queue, data, startAfter: options.startAfter });
        return randomUUID();
      },
      cancel: async () => {},
    };
    const ctx = actingAs(h.services, {
      id: h.cast.therapist.userId,
      practiceId: h.cast.therapist.practiceId,
      role: 'therapist',
    });
    ctx.services = { ...h.services, jobs: fake };
    const created = await createAppointments(ctx, {
      episodeId: episodeB,
      start: '2026-04-10T10:00',
      timeZone: 'Europe/London',
    });
    const invitation = sent.find((s) => s.queue === MEASURE_INVITATION_QUEUE);
    expect(invitation?.data.appointmentId).toBe(created.appointments[0]?.id);
    expect(invitation?.startAfter.toISOString()).toBe('2026-04-08T09:00:00.000Z');
  });
});

describe('portal questionnaires', () => {
  let phq9 = '';
  let gad7 = '';

  it('lists the open tasks with the form from the instrument definition', async () => {
    const created = await sendTasks(await appointment(episodeA, new Date(NOW.getTime() + DAY)));
    expect(created.statusCode, created.body).toBe(200);
    const r = await client.request({ method: 'GET', url: '/api/v1/portal/measure-tasks' });
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items;
    expect(items.map((t: { instrument: string }) => t.instrument)).toEqual(['gad-7', 'phq-9']);
    const phq = items.find((t: { instrument: string }) => t.instrument === 'phq-9');
    expect(phq.items).toHaveLength(9);
    expect(phq.options).toEqual(expect.arrayContaining([expect.objectContaining({ value: 3 })]));
    expect(phq.attribution).toMatch(/\w/);
    expect(phq.answers).toBeNull();
    phq9 = phq.id;
    gad7 = items.find((t: { instrument: string }) => t.instrument === 'gad-7').id;
    const other = await otherClient.request({ method: 'GET', url: '/api/v1/portal/measure-tasks' });
    expect(other.json().items).toEqual([]);
  });

  it('saves partial progress encrypted at rest and gives it back', async () => {
    const answers = [2, 1, null, null, null, null, null, null, null];
    const url = `/api/v1/portal/measure-tasks/${phq9}/progress`;
    const saved = await client.request({ method: 'PUT', url, payload: { answers } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().answers).toEqual(answers);
    const raw = await h.services.db.execute(
      sql`SELECT partial_answers FROM measure_tasks WHERE id = ${phq9}`,
    );
    const stored = String(raw.rows[0]?.partial_answers);
    expect(stored).not.toContain('null');
    expect(stored).not.toContain('[2,1');
    const list = await client.request({ method: 'GET', url: '/api/v1/portal/measure-tasks' });
    expect(list.json().items.find((t: { id: string }) => t.id === phq9).answers).toEqual(answers);

    for (const bad of [
      [1, 2],
      [4, null, null, null, null, null, null, null, null],
      [0.5, ...answers.slice(1)],
    ]) {
      const r = await client.request({ method: 'PUT', url, payload: { answers: bad } });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
    }
    for (const caller of [otherClient, therapist]) {
      expect((await caller.request({ method: 'PUT', url, payload: { answers } })).statusCode).toBe(
        404,
      );
    }
  });

  it('submits: the score comes back with crisis resources after a risk item; the task completes', async () => {
    const url = `/api/v1/portal/measure-tasks/${phq9}/submit`;
    expect(
      (
        await otherClient.request({
          method: 'POST',
          url,
          payload: { answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
        })
      ).statusCode,
    ).toBe(404);
    const invalid = await client.request({
      method: 'POST',
      url,
      payload: { answers: [1, 1, 1, 1, 1, 1, 1, 1, null] },
    });
    expect(invalid.statusCode).toBe(400);
    const r = await client.request({
      method: 'POST',
      url,
      payload: { answers: [2, 2, 1, 1, 1, 1, 1, 1, 1] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().response).toMatchObject({ instrument: 'phq-9', total: 11, band: 'moderate' });
    expect(r.json().crisisResources).not.toBeNull();
    expect(r.json().alerts).toEqual([]);
    const task = await h.services.db.execute(
      sql`SELECT status, response_id, partial_answers FROM measure_tasks WHERE id = ${phq9}`,
    );
    expect(task.rows[0]).toMatchObject({ status: 'completed', partial_answers: null });
    expect(task.rows[0]?.response_id).toBe(r.json().response.id);
    const again = await client.request({
      method: 'POST',
      url,
      payload: { answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
    });
    expect(again.statusCode).toBe(409);
    const list = await client.request({ method: 'GET', url: '/api/v1/portal/measure-tasks' });
    expect(list.json().items.map((t: { id: string }) => t.id)).toEqual([gad7]);
  });
});
