import type { Executor } from './transaction';

/**
 * The job queue as the domain sees it (pg-boss in the server). Jobs are sent with the caller's
 * transaction, so a job exists exactly when the change that caused it commits.
 */
export type JobQueue = {
  send: (
    tx: Executor,
    queue: string,
    data: Record<string, string>,
    options: { startAfter: Date; singletonKey?: string },
  ) => Promise<string | null>;
  cancel: (tx: Executor, queue: string, jobId: string) => Promise<void>;
};
