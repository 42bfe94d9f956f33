import {
  type Executor,
  type JobQueue,
  MEASURE_INVITATION_QUEUE,
  type MeasureInvitationJob,
  REMINDER_QUEUE,
  type ReminderJob,
  type Services,
  sendAppointmentReminder,
  sendMeasureInvitations,
} from '@throughline/domain';
import { Param, type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import PgBoss from 'pg-boss';

/**
 * pg-boss's SQL ($1, $2 … placeholders) run inside a Drizzle transaction, so a job is sent in the
 * same transaction as the change that causes it (a booked session and its reminder commit together).
 */
export function executorDb(tx: Executor): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const chunks: SQL[] = text
        .split(/\$(\d+)/)
        .map((part, i) =>
          i % 2 === 0 ? sql.raw(part) : sql`${new Param(values[Number(part) - 1])}`,
        );
      const result = await tx.execute(sql.join(chunks));
      return { rows: result.rows as unknown[] as object[] };
    },
  };
}

/** The domain's job-queue port over a pg-boss instance. */
export function jobQueueFor(boss: PgBoss): JobQueue {
  return {
    send: (tx, queue, data, options) =>
      boss.send(queue, data, {
        startAfter: options.startAfter,
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        db: executorDb(tx),
      }),
    cancel: (tx, queue, id) => boss.cancel(queue, id, { db: executorDb(tx) }),
  };
}

/** A pg-boss on the app's own pool (its tables live in the `pgboss` schema). */
export function createBoss(pool: pg.Pool, options: { supervise?: boolean } = {}): PgBoss {
  return new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    supervise: options.supervise ?? true,
    schedule: false,
  });
}

/** Creates the queues this app sends to. Idempotent; safe with several processes. */
export async function createQueues(boss: PgBoss): Promise<void> {
  // "short": at most one waiting reminder per appointment (the singleton key is its id).
  await boss.createQueue(REMINDER_QUEUE, {
    name: REMINDER_QUEUE,
    policy: 'short',
    retryLimit: 5,
    retryBackoff: true,
  });
  // Questionnaires 48 h before a session; the key is appointment + start, so a moved session
  // gets its own job (the stale one finds the session moved and does nothing).
  await boss.createQueue(MEASURE_INVITATION_QUEUE, {
    name: MEASURE_INVITATION_QUEUE,
    policy: 'short',
    retryLimit: 5,
    retryBackoff: true,
  });
}

export type Jobs = { boss: PgBoss; stop: () => Promise<void> };

/**
 * Starts the queue (creating or migrating its schema), plugs it into the services so use-cases
 * can send jobs, and works the reminder queue. Several app processes may run this at once.
 */
export async function startJobs(
  services: Services,
  pool: pg.Pool,
  log: FastifyBaseLogger,
  options: { work?: boolean } = {},
): Promise<Jobs> {
  const boss = createBoss(pool);
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await createQueues(boss);
  services.jobs = jobQueueFor(boss);
  if (options.work ?? true) {
    await boss.work<ReminderJob>(REMINDER_QUEUE, { batchSize: 5 }, async (jobs) => {
      for (const job of jobs) await sendAppointmentReminder(services, job.data);
    });
    await boss.work<MeasureInvitationJob>(
      MEASURE_INVITATION_QUEUE,
      { batchSize: 5 },
      async (jobs) => {
        for (const job of jobs) await sendMeasureInvitations(services, job.data);
      },
    );
  }
  return {
    boss,
    stop: async () => {
      delete services.jobs;
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
    },
  };
}
