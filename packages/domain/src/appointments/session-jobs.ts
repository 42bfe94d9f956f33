import type { Services } from '../access';
import type { JobDefinition } from '../shared/jobs';
import type { Executor } from '../shared/transaction';

/** The payload of every job tied to one session (reminders, questionnaire invitations). */
export type SessionJob = { practiceId: string; appointmentId: string; startsAt: string };

/**
 * Queues a `job` for a future session `leadMs` before it (or now, if that is sooner), in
 * the caller's transaction. Past sessions, and services without a job queue, get none.
 */
export async function scheduleBeforeSession(
  tx: Executor,
  services: Services,
  job: JobDefinition<SessionJob>,
  appointment: { practiceId: string; id: string; startsAt: Date },
  options: { leadMs: number; singletonKey: (job: SessionJob) => string },
): Promise<string | null> {
  const now = services.now();
  if (!services.jobs || appointment.startsAt <= now) return null;
  const startAfter = new Date(
    Math.max(now.getTime(), appointment.startsAt.getTime() - options.leadMs),
  );
  const data: SessionJob = {
    practiceId: appointment.practiceId,
    appointmentId: appointment.id,
    startsAt: appointment.startsAt.toISOString(),
  };
  return services.jobs.send(tx, job, data, {
    startAfter,
    singletonKey: options.singletonKey(data),
  });
}
