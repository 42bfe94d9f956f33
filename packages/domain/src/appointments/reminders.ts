import { zoneSuffix } from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Services } from '../access';
import { clients } from '../clients/tables';
import { episodes } from '../episodes/tables';
import { clientMailPolicy, enqueueEmail } from '../notifications';
import { defineJob } from '../shared/jobs';
import type { Executor } from '../shared/transaction';
import { type SessionJob, scheduleBeforeSession } from './session-jobs';
import { appointments } from './tables';

export const REMINDER_QUEUE = 'appointment-reminder';
/** Reminders go this long before the session. */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

export type ReminderJob = SessionJob;

/**
 * Schedules the reminder of a future appointment (24 h before, or now if it is sooner) in the
 * caller's transaction; past appointments get none. Returns the job id, or null.
 */
export function scheduleReminder(
  tx: Executor,
  services: Services,
  appointment: { practiceId: string; id: string; startsAt: Date },
): Promise<string | null> {
  return scheduleBeforeSession(tx, services, reminderJob, appointment, {
    leadMs: REMINDER_LEAD_MS,
    singletonKey: (job) => job.appointmentId,
  });
}

export async function cancelReminder(
  tx: Executor,
  services: Services,
  jobId: string | null,
): Promise<void> {
  if (jobId && services.jobs) await services.jobs.cancel(tx, reminderJob, jobId);
}

export const NEUTRAL_REMINDER =
  'You have an upcoming session. Sign in to your portal to see the details.';

export type ReminderOutcome = 'sent' | 'skipped-preferences' | 'skipped-stale';

/**
 * The reminder job's handler. It re-checks that the appointment is still scheduled at the time
 * the job was made for (a moved or cancelled session gets no reminder), and honours the client's
 * safe-contact preferences through the one client e-mail rule (`clientMailPolicy`, ETHICS.md):
 * no e-mail unless they allow e-mail and reminders; no date or time unless they allow details.
 * Never any clinical content.
 */
export async function sendAppointmentReminder(
  services: Services,
  job: ReminderJob,
): Promise<ReminderOutcome> {
  return services.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        status: appointments.status,
        startsAt: appointments.startsAt,
        email: clients.email,
        mayEmail: clients.mayEmail,
        remindersEnabled: clients.remindersEnabled,
        emailMayIncludeDetails: clients.emailMayIncludeDetails,
        timeZone: clients.timeZone,
      })
      .from(appointments)
      .innerJoin(
        episodes,
        and(
          eq(episodes.practiceId, appointments.practiceId),
          eq(episodes.id, appointments.episodeId),
        ),
      )
      .innerJoin(
        clients,
        and(eq(clients.practiceId, episodes.practiceId), eq(clients.id, episodes.clientId)),
      )
      .where(
        and(eq(appointments.practiceId, job.practiceId), eq(appointments.id, job.appointmentId)),
      );
    if (row?.status !== 'scheduled' || row.startsAt.toISOString() !== job.startsAt) {
      return 'skipped-stale';
    }
    const policy = clientMailPolicy(row, 'reminder');
    // A client who joined with a sign-up code may have no e-mail at all.
    if (!policy.send || !row.email) return 'skipped-preferences';
    const portal = `${services.publicUrl}/`;
    const when = DateTime.fromJSDate(row.startsAt, { zone: row.timeZone }).toFormat(
      "cccc d LLLL yyyy 'at' HH:mm",
    );
    const text = policy.details
      ? `Your next session is on ${when} (${zoneSuffix(row.timeZone)}).\n\nSee it in your portal: ${portal}\n`
      : `${NEUTRAL_REMINDER}\n\n${portal}\n`;
    await enqueueEmail(tx, {
      kind: 'reminder',
      practiceId: job.practiceId,
      to: row.email,
      subject: policy.details ? `Session reminder: ${when}` : 'A reminder from your portal',
      text,
    });
    return 'sent';
  });
}

/**
 * The reminder job. "short": at most one waiting reminder per appointment (the singleton key is
 * its id); a failed send (database down) is retried with growing waits.
 */
export const reminderJob = defineJob<ReminderJob>({
  queue: REMINDER_QUEUE,
  policy: { policy: 'short', retryLimit: 5, retryBackoff: true, batchSize: 5 },
  handler: sendAppointmentReminder,
});
