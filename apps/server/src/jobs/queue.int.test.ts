import { defineJob, type JobQueue, reminderJob } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { createBoss, createQueues, jobQueueFor, workQueues } from './queue';
import { JOB_REGISTRY } from './registry';
import { transactionDb } from './transaction-db';

// Jobs are sent in the caller's transaction (pg-boss's `db` option over the transaction's own
// connection): they exist exactly when the change that caused them commits.

let h: Harness;
let boss: PgBoss;
let jobs: JobQueue;
const handled: Record<string, string>[] = [];

const echoJob = defineJob<{ note: string }>({
  queue: 'test-echo',
  policy: { policy: 'standard', retryLimit: 0 },
  handler: async (_services, data) => void handled.push(data),
});
const registry = [...JOB_REGISTRY, echoJob];

class Rollback extends Error {}

const queued = async (queue: string): Promise<{ id: string; data: unknown }[]> => {
  const r = await h.database.pool.query(
    'SELECT id, data FROM pgboss.job WHERE name = $1 ORDER BY created_on',
    [queue],
  );
  return r.rows;
};

beforeAll(async () => {
  h = await createHarness();
  boss = createBoss(h.database.pool, { supervise: false });
  await boss.start();
  await createQueues(boss, registry);
  jobs = jobQueueFor(boss, registry);
});
afterAll(async () => {
  await boss?.stop({ graceful: false, close: false, wait: true });
  await h?.close();
});

describe('sending a job in the caller’s transaction', () => {
  it('queues nothing when the transaction rolls back, though the job was visible inside it', async () => {
    let seenInside = 0;
    await expect(
      h.services.db.transaction(async (tx) => {
        const id = await jobs.send(
          tx,
          echoJob,
          { note: 'rolled back' },
          { startAfter: new Date() },
        );
        const inside = await tx.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM pgboss.job WHERE id = ${id}`,
        );
        seenInside = inside.rows[0]?.n ?? 0;
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(seenInside).toBe(1);
    expect(await queued(echoJob.queue)).toEqual([]);
  });

  it('queues the job exactly once when the transaction commits', async () => {
    const id = await h.services.db.transaction((tx) =>
      jobs.send(tx, echoJob, { note: 'committed' }, { startAfter: new Date() }),
    );
    const rows = await queued(echoJob.queue);
    expect(rows).toEqual([{ id, data: { note: 'committed' } }]);
    await h.database.pool.query('DELETE FROM pgboss.job WHERE name = $1', [echoJob.queue]);
  });

  it('passes values as parameters: placeholder-like text and quotes survive intact', async () => {
    const note = `$1 costs $2; it's "quoted" $$ and \\ -- not SQL'); DROP TABLE users; --`;
    const id = await h.services.db.transaction((tx) =>
      jobs.send(tx, echoJob, { note }, { startAfter: new Date() }),
    );
    expect(await queued(echoJob.queue)).toEqual([{ id, data: { note } }]);
    const job = await boss.getJobById<{ note: string }>(echoJob.queue, id ?? '');
    expect(job?.data.note).toBe(note);
    await h.database.pool.query('DELETE FROM pgboss.job WHERE name = $1', [echoJob.queue]);
  });

  it('runs the text as written: a literal "$2" in the SQL is not taken for a placeholder', async () => {
    const value = "it's $1";
    const result = await h.services.db.transaction((tx) =>
      transactionDb(tx).executeSql("SELECT $1::text AS value, '$2' AS literal", [value]),
    );
    expect(result.rows).toEqual([{ value, literal: '$2' }]);
  });

  it('keeps at most one waiting reminder per appointment (the short policy and its key)', async () => {
    const data = { practiceId: h.cast.admin.practiceId, appointmentId: 'a1', startsAt: 'x' };
    const later = new Date(Date.now() + 3_600_000);
    const first = await h.services.db.transaction((tx) =>
      jobs.send(tx, reminderJob, data, { startAfter: later, singletonKey: 'a1' }),
    );
    const second = await h.services.db.transaction((tx) =>
      jobs.send(tx, reminderJob, data, { startAfter: later, singletonKey: 'a1' }),
    );
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await queued(reminderJob.queue)).toHaveLength(1);
  });

  it('cancels in the caller’s transaction too: a rolled-back cancel leaves the job waiting', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const id =
      (await h.services.db.transaction((tx) =>
        jobs.send(tx, echoJob, { note: 'to cancel' }, { startAfter: later }),
      )) ?? '';
    await expect(
      h.services.db.transaction(async (tx) => {
        await jobs.cancel(tx, echoJob, id);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect((await boss.getJobById(echoJob.queue, id))?.state).toBe('created');
    await h.services.db.transaction((tx) => jobs.cancel(tx, echoJob, id));
    expect((await boss.getJobById(echoJob.queue, id))?.state).toBe('cancelled');
  });

  it('refuses to send a job no module registered (nobody would ever work it)', async () => {
    const stray = defineJob({
      queue: 'nobody-works-this',
      policy: echoJob.policy,
      handler: echoJob.handler,
    });
    await expect(
      h.services.db.transaction((tx) =>
        jobs.send(tx, stray, { note: 'x' }, { startAfter: new Date() }),
      ),
    ).rejects.toThrow(/not registered/);
  });
});

describe('the registry', () => {
  it('creates every registered queue with its declared policy', async () => {
    for (const job of registry) {
      const queue = await boss.getQueue(job.queue);
      expect(queue?.policy, job.queue).toBe(job.policy.policy);
      expect(queue?.retryLimit, job.queue).toBe(job.policy.retryLimit);
    }
  });

  it('works a committed job with its module’s handler', async () => {
    await workQueues(boss, h.services, [echoJob]);
    await h.services.db.transaction((tx) =>
      jobs.send(tx, echoJob, { note: 'worked' }, { startAfter: new Date() }),
    );
    const deadline = Date.now() + 15_000;
    while (!handled.some((d) => d.note === 'worked') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(handled).toEqual([{ note: 'worked' }]);
  });
});
