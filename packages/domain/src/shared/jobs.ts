import type { Services } from '../access';
import type { Executor } from './transaction';

/** What a job carries: plain strings only, so a payload is readable in the queue table as-is. */
export type JobData = Record<string, string>;

/**
 * How the queue treats a job kind (pg-boss queue options, in the domain's words). `short` keeps
 * at most one waiting job per singleton key; `standard` keeps every job sent.
 */
export type JobPolicy = {
  policy: 'standard' | 'short' | 'singleton' | 'stately';
  /** Attempts after the first failure. */
  retryLimit: number;
  /** Doubles the wait between attempts (from `retryDelaySeconds`, or pg-boss's default). */
  retryBackoff?: boolean;
  retryDelaySeconds?: number;
  /** How long one attempt may run before it counts as failed. */
  expireInSeconds?: number;
  /** How many jobs a worker fetches at once; they are handled one after another. */
  batchSize?: number;
};

/**
 * One kind of background job, declared by the module that owns it and exported from its
 * `index.ts`. The server collects every module's declarations into one registry, creates their
 * queues and works them; a use-case sends one with `services.jobs.send(tx, job, data, …)`.
 */
export type JobDefinition<T extends JobData = JobData> = {
  queue: string;
  policy: JobPolicy;
  /**
   * Runs one job. Throwing fails the attempt (it is retried by the policy). Method syntax on
   * purpose: it lets definitions with different payloads share one `JobDefinition[]` registry.
   */
  handler(services: Services, data: T): Promise<unknown>;
};

/**
 * The job queue as the domain sees it (pg-boss in the server). Jobs are sent with the caller's
 * transaction, so a job exists exactly when the change that caused it commits.
 */
export type JobQueue = {
  send: <T extends JobData>(
    tx: Executor,
    job: JobDefinition<T>,
    data: T,
    options: { startAfter: Date; singletonKey?: string },
  ) => Promise<string | null>;
  cancel: (tx: Executor, job: JobDefinition, jobId: string) => Promise<void>;
};

/** Declares a job kind; the identity function keeps the payload type tied to the handler. */
export function defineJob<T extends JobData>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/**
 * Work a server process repeats on a timer rather than per event (the outbox dispatcher, the
 * session purge), declared by its module like a queued job. Each run may assume nothing about
 * other processes: several servers may run the same periodic job at once. `C` is what the run
 * needs from the process (its mail transport, its sealer connection); the server provides all.
 */
export type PeriodicJob<C> = {
  name: string;
  everyMs: number;
  /** Method syntax on purpose: see `JobDefinition.handler`. Errors are logged, not thrown. */
  run(context: C): Promise<unknown>;
};
