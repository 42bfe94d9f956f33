import {
  answerCheckIn,
  listAftercareQueue,
  listCheckIns,
  listPortalCheckIns,
  offerBooster,
  runCheckInStep,
  saveCheckInDraft,
  withdrawCheckIns,
} from '@throughline/domain';
import { checkIns } from '@throughline/domain/schema';
import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoss, createQueues, jobQueueFor, workQueues } from '../jobs/queue';
import { endedClient } from '../testing/aftercare';
import { createHarness, type Harness } from '../testing/harness';
import { testClock } from '../testing/sign-in';
import { as, publishDefaults } from '../testing/supervision';

// Check-ins after the ending (issue 11) on a controlled clock, with the real job queue.

let h: Harness;
const clock = testClock(Date.parse('2026-02-02T12:00:00Z'));
const DAY = 86_400_000;

const boss = async (work: boolean): Promise<PgBoss> => {
  const b = createBoss(h.database.pool, { supervise: false });
  await b.start();
  await createQueues(b);
  h.services.jobs = jobQueueFor(b);
  if (work) await workQueues(b, h.services);
  return b;
};
const stop = (b: PgBoss) => b.stop({ graceful: true, close: false, wait: true, timeout: 5000 });

/** The queue's clock follows the test clock: jobs due by then become ready now. */
const releaseDueJobs = () =>
  h.database.pool.query(
    `UPDATE pgboss.job SET start_after = now() WHERE name = 'check-ins' AND state = 'created'
       AND (data->>'at')::timestamptz <= $1`,
    [clock.now()],
  );

async function until(done: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const statusOf = async (id: string) =>
  (await h.services.db.select().from(checkIns).where(eq(checkIns.id, id)))[0]?.status;
const mailsTo = async (clientId: string) =>
  (
    await h.database.pool.query(
      `SELECT o.subject FROM outbox_messages o JOIN clients c ON c.email = o.to_address
       WHERE c.id = $1 AND o.kind = 'questionnaire'`,
      [clientId],
    )
  ).rows.length;
const responseCount = async (episodeId: string) =>
  (
    await h.database.pool.query('SELECT count(*)::int AS n FROM responses WHERE episode_id = $1', [
      episodeId,
    ])
  ).rows[0].n as number;

const th = () => as(h.services, h.cast.therapist);
const answers = (who5: number[], extra: { howAreThings?: string; wantsToTalk?: boolean } = {}) => ({
  forms: [
    { instrument: 'phq-4', answers: [1, 1, 1, 1] },
    { instrument: 'who-5', answers: who5 },
  ],
  howAreThings: extra.howAreThings ?? 'Mostly fine.',
  wantsToTalk: extra.wantsToTalk ?? false,
});

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
  await publishDefaults(h.services, h.cast.admin);
  await h.database.pool.query(`UPDATE clients SET may_email = true, reminders_enabled = true`);
});
afterAll(async () => {
  delete h.services.jobs;
  await h?.close();
});

describe('check-ins after the ending', () => {
  it('schedules one per chosen month in the client’s zone, only with a live consent', async () => {
    const first = await boss(false);
    const c = await endedClient(h.services, h.cast.therapist, 'Scheduled', { months: [1, 3] });
    const items = await listCheckIns(th(), c.episodeId);
    expect(items.map((i) => [i.dueOn, i.status])).toEqual([
      ['2026-03-02', 'scheduled'],
      ['2026-05-02', 'scheduled'],
    ]);
    const none = await endedClient(h.services, h.cast.therapist, 'NoConsent', {
      months: [1],
      consent: false,
    });
    expect(await listCheckIns(th(), none.episodeId)).toEqual([]);
    await stop(first);
  });

  it('fires on its date after a restart, exactly once with two processes; reminds once, then leaves it', async () => {
    const before = await boss(false);
    const c = await endedClient(h.services, h.cast.therapist, 'Fired', { months: [1] });
    const [item] = await listCheckIns(th(), c.episodeId);
    await stop(before); // the app restarts; the job waits in the database
    clock.advance(29 * DAY);
    await releaseDueJobs(); // not yet due on the test clock: nothing is released
    const [a, b] = [await boss(true), await boss(true)];
    clock.advance(2 * DAY);
    await releaseDueJobs();
    await until(async () => (await statusOf(item?.id ?? '')) === 'invited');
    expect(await mailsTo(c.clientId)).toBe(1);
    clock.advance(7 * DAY);
    await releaseDueJobs();
    await until(async () => (await statusOf(item?.id ?? '')) === 'reminded');
    clock.advance(7 * DAY);
    await releaseDueJobs();
    await until(async () => (await statusOf(item?.id ?? '')) === 'unanswered');
    await stop(a);
    await stop(b);
    expect(await mailsTo(c.clientId)).toBe(2); // the invitation and one reminder, never more
  });

  it('runs a step once when two processes run it at the same moment', async () => {
    delete h.services.jobs;
    const c = await endedClient(h.services, h.cast.therapist, 'Twice', { months: [1] });
    const [item] = await listCheckIns(th(), c.episodeId);
    const job = {
      practiceId: h.cast.therapist.practiceId,
      checkInId: item?.id ?? '',
      step: 'invite' as const,
      at: clock.now().toISOString(),
    };
    const outcomes = await Promise.all([
      runCheckInStep(h.services, job),
      runCheckInStep(h.services, job),
    ]);
    expect(outcomes.sort()).toEqual(['invited', 'skipped']);
    expect(await mailsTo(c.clientId)).toBe(1);
  });
});

describe('answers and the aftercare queue', () => {
  const invited = async (label: string, endingWho5?: number[]) => {
    delete h.services.jobs;
    const c = await endedClient(h.services, h.cast.therapist, label, {
      months: [1, 6],
      ...(endingWho5 ? { endingWho5 } : {}),
    });
    const [first] = await listCheckIns(th(), c.episodeId);
    await runCheckInStep(h.services, {
      practiceId: h.cast.therapist.practiceId,
      checkInId: first?.id ?? '',
      step: 'invite',
      at: clock.now().toISOString(),
    });
    return { c, id: first?.id ?? '' };
  };

  it('puts a reliable worsening against the ending WHO-5 in the queue, in plain words', async () => {
    const { c, id } = await invited('Worse', [4, 4, 4, 4, 4]); // 80% at the ending
    const result = await answerCheckIn(c.ctx, id, answers([2, 2, 2, 2, 2])); // 40%
    expect(result.checkIn.status).toBe('answered');
    expect(result.crisisResources).toBeNull();
    const queue = await listAftercareQueue(th());
    const item = queue.items.find((i) => i.episodeId === c.episodeId);
    expect(item?.reasons.map((r) => r.kind)).toEqual(['deterioration']);
    expect(item?.reasons[0]?.text).toContain('80% at the ending, 40% now');
    expect(await responseCount(c.episodeId)).toBe(3);
  });

  it('a small change and no wish to talk stays out of the queue', async () => {
    const { c, id } = await invited('Steady', [3, 3, 3, 3, 3]);
    await answerCheckIn(c.ctx, id, answers([3, 3, 3, 2, 3]));
    const queue = await listAftercareQueue(th());
    expect(queue.items.some((i) => i.episodeId === c.episodeId)).toBe(false);
  });

  it('a wish to talk, and risk language with crisis resources at once, reach the queue', async () => {
    const { c, id } = await invited('Reconnect');
    const result = await answerCheckIn(
      c.ctx,
      id,
      answers([3, 3, 3, 3, 3], {
        howAreThings: 'Some days I want to kill myself.',
        wantsToTalk: true,
      }),
    );
    expect(result.crisisResources).not.toBeNull();
    const item = (await listAftercareQueue(th())).items.find((i) => i.episodeId === c.episodeId);
    expect(item?.reasons.map((r) => r.kind).sort()).toEqual(['reconnect', 'risk']);
    expect(JSON.stringify(item)).not.toContain('kill myself');
  });

  it('withdrawal cancels every check-in still to come; an answer after it is 409 and stores nothing', async () => {
    const { c, id } = await invited('Withdrawn');
    const withdrawn = await withdrawCheckIns(c.ctx, c.episodeId);
    expect(withdrawn.cancelled).toBe(2);
    expect(withdrawn.items.map((i) => i.status)).toEqual(['cancelled', 'cancelled']);
    const before = await responseCount(c.episodeId);
    await expect(answerCheckIn(c.ctx, id, answers([3, 3, 3, 3, 3]))).rejects.toMatchObject({
      code: 'CONSENT_ENDED',
    });
    expect(await responseCount(c.episodeId)).toBe(before);
    expect((await withdrawCheckIns(c.ctx, c.episodeId)).cancelled).toBe(0);
  });

  it('saves the client’s answers so far, encrypted, gives them back, and clears them once sent', async () => {
    const { c, id } = await invited('Draft');
    const draft = {
      forms: [
        { instrument: 'phq-4', answers: [1, null, 2, null] },
        { instrument: 'who-5', answers: [null, null, null, null, null] },
      ],
      howAreThings: 'Half written, about the new job',
      wantsToTalk: null,
    };
    const saved = await saveCheckInDraft(c.ctx, id, draft);
    expect(saved).toMatchObject({ id, draft });
    const raw = await h.database.pool.query('SELECT draft FROM check_ins WHERE id = $1', [id]);
    expect(raw.rows[0].draft).not.toContain('new job');
    const [open] = await listPortalCheckIns(c.ctx);
    expect(open?.draft).toEqual(draft);

    // Bad answers are refused naming the item; the saved draft stays as it was.
    await expect(
      saveCheckInDraft(c.ctx, id, {
        ...draft,
        forms: [{ instrument: 'phq-4', answers: [1, 9, null, null] }],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'forms[0].answers[1]' }],
    });
    await expect(
      saveCheckInDraft(c.ctx, id, { ...draft, forms: [{ instrument: 'phq-9', answers: [] }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await listPortalCheckIns(c.ctx))[0]?.draft).toEqual(draft);

    // The therapist cannot save the client's draft (404: not theirs to see).
    await expect(saveCheckInDraft(th(), id, draft)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await answerCheckIn(c.ctx, id, answers([3, 3, 3, 3, 3]));
    const after = await h.database.pool.query('SELECT draft FROM check_ins WHERE id = $1', [id]);
    expect(after.rows[0].draft).toBeNull();
    await expect(saveCheckInDraft(c.ctx, id, draft)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a draft after the consent was withdrawn, and clears the one saved', async () => {
    const { c, id } = await invited('DraftWithdrawn');
    await saveCheckInDraft(c.ctx, id, {
      forms: [{ instrument: 'phq-4', answers: [1, 1, null, null] }],
      howAreThings: '',
      wantsToTalk: true,
    });
    await withdrawCheckIns(c.ctx, c.episodeId);
    const row = await h.database.pool.query('SELECT draft FROM check_ins WHERE id = $1', [id]);
    expect(row.rows[0].draft).toBeNull();
    await expect(
      saveCheckInDraft(c.ctx, id, { forms: [], howAreThings: 'x', wantsToTalk: null }),
    ).rejects.toMatchObject({ code: 'CONSENT_ENDED' });
  });

  it('the therapist offers a booster session: booked in aftercare, the item handled', async () => {
    const { c, id } = await invited('Booster');
    await answerCheckIn(c.ctx, id, answers([3, 3, 3, 3, 3], { wantsToTalk: true }));
    const item = (await listAftercareQueue(th())).items.find((i) => i.episodeId === c.episodeId);
    const booked = await offerBooster(th(), c.episodeId, {
      startsAt: new Date(clock.ms() + 3 * DAY).toISOString(),
      durationMinutes: 50,
      queueItemId: item?.id,
    });
    const after = (await listAftercareQueue(th())).items.find((i) => i.id === item?.id);
    expect(after).toMatchObject({ status: 'handled', boosterAppointmentId: booked.appointmentId });
    await expect(
      offerBooster(th(), c.episodeId, {
        startsAt: new Date(clock.ms() - DAY).toISOString(),
        durationMinutes: 50,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('books the length the therapist chose, else the usual session’s, else 50 minutes', async () => {
    const minutesOf = (b: { startsAt: Date; endsAt: Date }) =>
      (b.endsAt.getTime() - b.startsAt.getTime()) / 60_000;
    const at = (days: number) => new Date(clock.ms() + days * DAY).toISOString();
    const fresh = await endedClient(h.services, h.cast.therapist, 'BoosterFresh', { months: [1] });
    // No session in the episode to copy: 50 minutes.
    expect(minutesOf(await offerBooster(th(), fresh.episodeId, { startsAt: at(4) }))).toBe(50);

    const other = await endedClient(h.services, h.cast.therapist, 'BoosterLength', { months: [1] });
    expect(
      minutesOf(
        await offerBooster(th(), other.episodeId, { startsAt: at(5), durationMinutes: 75 }),
      ),
    ).toBe(75);
    // Left out, it copies the episode's usual (here its newest) session: 75 minutes.
    expect(minutesOf(await offerBooster(th(), other.episodeId, { startsAt: at(6) }))).toBe(75);

    const before = await h.database.pool.query(
      'SELECT count(*)::int AS n FROM appointments WHERE episode_id = $1',
      [other.episodeId],
    );
    for (const durationMinutes of [29, 91, 45.5])
      await expect(
        offerBooster(th(), other.episodeId, { startsAt: at(7), durationMinutes }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'durationMinutes' }],
      });
    const after = await h.database.pool.query(
      'SELECT count(*)::int AS n FROM appointments WHERE episode_id = $1',
      [other.episodeId],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
