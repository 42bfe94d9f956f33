import type { Services } from '../access';
import { defineJob, type JobDefinition } from '../shared/jobs';
import type { Executor } from '../shared/transaction';
import { runCheckInStep } from './invite';

export const CHECK_IN_QUEUE = 'check-ins';
/** An invitation not answered is reminded once, this long after; then it is left. */
export const CHECK_IN_REMINDER_MS = 7 * 86_400_000;
/** After the one reminder, this long before the check-in counts as unanswered (never chased). */
export const CHECK_IN_CLOSE_MS = 7 * 86_400_000;

export type CheckInStep = 'invite' | 'remind' | 'close';
export type CheckInJob = { practiceId: string; checkInId: string; step: CheckInStep; at: string };

/**
 * Queues one step of a check-in in the caller's transaction, to run at `at`. The singleton key
 * (check-in + step) keeps at most one waiting job per step; the handler's row lock and state
 * check make a step run once even if two processes fetch it. Without a queue: nothing.
 */
export async function queueCheckInStep(
  tx: Executor,
  services: Services,
  row: { practiceId: string; id: string },
  step: CheckInStep,
  at: Date,
): Promise<string | null> {
  if (!services.jobs) return null;
  return services.jobs.send(
    tx,
    checkInJob,
    { practiceId: row.practiceId, checkInId: row.id, step, at: at.toISOString() },
    { startAfter: at, singletonKey: `${row.id}:${step}` },
  );
}

/** The check-in job: the invitation on the due day, one reminder, then closing as unanswered. */
export const checkInJob = defineJob<CheckInJob>({
  queue: CHECK_IN_QUEUE,
  policy: { policy: 'short', retryLimit: 5, retryBackoff: true, batchSize: 5 },
  handler: (services, data) => runCheckInStep(services, data),
});

/** The background jobs this module owns; the server works every module's list. */
export const aftercareJobs: readonly JobDefinition[] = [checkInJob];
