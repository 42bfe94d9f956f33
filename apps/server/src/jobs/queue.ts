import type { JobDefinition, JobQueue, Services } from '@throughline/domain';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { JOB_REGISTRY } from './registry';
import { transactionDb } from './transaction-db';

/**
 * The domain's job-queue port over a pg-boss instance. Only registered jobs may be sent: a job
 * nobody works would wait in the queue for ever, so sending one is a programming error.
 */
export function jobQueueFor(
  boss: PgBoss,
  registry: readonly JobDefinition[] = JOB_REGISTRY,
): JobQueue {
  const queues = new Set(registry.map((job) => job.queue));
  const registered = (job: JobDefinition): string => {
    if (!queues.has(job.queue)) throw new Error(`job queue "${job.queue}" is not registered`);
    return job.queue;
  };
  return {
    send: (tx, job, data, options) =>
      boss.send(registered(job), data, {
        startAfter: options.startAfter,
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        db: transactionDb(tx),
      }),
    cancel: (tx, job, id) => boss.cancel(registered(job), id, { db: transactionDb(tx) }),
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

/** A job's policy as pg-boss queue options. */
export function queueOptions(job: JobDefinition): PgBoss.Queue {
  const { policy } = job;
  return {
    name: job.queue,
    policy: policy.policy,
    retryLimit: policy.retryLimit,
    ...(policy.retryBackoff !== undefined ? { retryBackoff: policy.retryBackoff } : {}),
    ...(policy.retryDelaySeconds !== undefined ? { retryDelay: policy.retryDelaySeconds } : {}),
    ...(policy.expireInSeconds !== undefined ? { expireInSeconds: policy.expireInSeconds } : {}),
  };
}

/**
 * Creates the registry's queues, and brings an existing queue's retry and expiry settings in
 * line with its declaration. Idempotent; safe with several processes. A queue's kind (`short`,
 * `standard`…) is fixed when pg-boss makes its table, so a changed kind needs a new queue name.
 */
export async function createQueues(
  boss: PgBoss,
  registry: readonly JobDefinition[] = JOB_REGISTRY,
): Promise<void> {
  for (const job of registry) {
    const options = queueOptions(job);
    await boss.createQueue(job.queue, options);
    const existing = await boss.getQueue(job.queue);
    if (existing && existing.policy !== job.policy.policy) {
      throw new Error(
        `job queue "${job.queue}" exists with policy "${existing.policy}" but is declared "${job.policy.policy}"; declare the new kind under a new queue name`,
      );
    }
    await boss.updateQueue(job.queue, options);
  }
}

/** Works every registered queue: each job of a fetched batch in turn, by its module's handler. */
export async function workQueues(
  boss: PgBoss,
  services: Services,
  registry: readonly JobDefinition[] = JOB_REGISTRY,
): Promise<void> {
  for (const job of registry) {
    await boss.work<Record<string, string>>(
      job.queue,
      { batchSize: job.policy.batchSize ?? 1 },
      async (batch) => {
        for (const item of batch) await job.handler(services, item.data);
      },
    );
  }
}

export type Jobs = { boss: PgBoss; stop: () => Promise<void> };

/**
 * Starts the queue (creating or migrating its schema), creates the registry's queues, plugs the
 * queue into the services so use-cases can send jobs, and works every registered queue. Several
 * app processes may run this at once.
 */
export async function startJobs(
  services: Services,
  pool: pg.Pool,
  log: FastifyBaseLogger,
  options: { work?: boolean; registry?: readonly JobDefinition[] } = {},
): Promise<Jobs> {
  const registry = options.registry ?? JOB_REGISTRY;
  const boss = createBoss(pool);
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await createQueues(boss, registry);
  services.jobs = jobQueueFor(boss, registry);
  if (options.work ?? true) await workQueues(boss, services, registry);
  return {
    boss,
    stop: async () => {
      delete services.jobs;
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
    },
  };
}
