import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { ANONYMOUS, phaseAllows, type Services } from '../access';
import { type SessionJob, scheduleBeforeSession } from '../appointments';
import { appointments } from '../appointments/tables';
import { findClientMailContact } from '../clients';
import { episodes } from '../episodes/tables';
import { clientMailPolicy, enqueueEmail } from '../notifications';
import { defineJob } from '../shared/jobs';
import type { Executor } from '../shared/transaction';
import { createDueTasks } from './due-tasks';

export const MEASURE_INVITATION_QUEUE = 'measure-invitations';
/** Questionnaires are sent this long before the session, so the client can answer at leisure. */
export const MEASURE_INVITATION_LEAD_MS = 48 * 3_600_000;

export type MeasureInvitationJob = SessionJob;

/**
 * Schedules the questionnaire invitation of a future session (48 h before, or now if sooner) in
 * the caller's transaction. The singleton key includes the start time, so a moved session gets a
 * new job and the old one finds its session moved and does nothing. Without a queue: nothing.
 */
export function scheduleMeasureInvitation(
  tx: Executor,
  services: Services,
  appointment: { practiceId: string; id: string; startsAt: Date },
): Promise<string | null> {
  return scheduleBeforeSession(tx, services, measureInvitationJob, appointment, {
    leadMs: MEASURE_INVITATION_LEAD_MS,
    singletonKey: (job) => `${job.appointmentId}:${job.startsAt}`,
  });
}

export const NEUTRAL_MEASURE_INVITATION =
  'There is something new for you in your portal. Sign in to see it.';

/**
 * The e-mail telling the client that questionnaires wait in the portal. Safe-contact preferences
 * through the one client e-mail rule (`clientMailPolicy`, ETHICS.md): a questionnaire invitation
 * is a reminder, so nothing unless they allow e-mail and reminders; the date only if they allow
 * details; never the names of the questionnaires or anything clinical, whatever they allow. The
 * tasks themselves are still created: the client finds them in the portal.
 */
export async function emailMeasureInvitation(
  tx: Executor,
  services: Services,
  input: { practiceId: string; clientId: string; startsAt: Date | null; count: number },
): Promise<'sent' | 'skipped-preferences'> {
  const client = await findClientMailContact(tx, input.practiceId, { clientId: input.clientId });
  const policy = client ? clientMailPolicy(client, 'questionnaire') : undefined;
  // A client who joined with a sign-up code may have no e-mail at all.
  if (!client?.email || !policy?.send) return 'skipped-preferences';
  const portal = `${services.publicUrl}/`;
  if (!policy.details) {
    await enqueueEmail(tx, {
      kind: 'questionnaire',
      practiceId: input.practiceId,
      to: client.email,
      subject: 'Something new in your portal',
      text: `${NEUTRAL_MEASURE_INVITATION}\n\n${portal}\n`,
    });
    return 'sent';
  }
  const what = input.count === 1 ? 'a short questionnaire' : `${input.count} short questionnaires`;
  if (!input.startsAt) {
    await enqueueEmail(tx, {
      kind: 'questionnaire',
      practiceId: input.practiceId,
      to: client.email,
      subject: 'A questionnaire in your portal',
      text: `Your therapist has asked you to complete ${what} in your portal. Your answers are saved as you go.\n\n${portal}\n`,
    });
    return 'sent';
  }
  const when = DateTime.fromJSDate(input.startsAt, { zone: client.timeZone }).toFormat(
    "cccc d LLLL yyyy 'at' HH:mm",
  );
  await enqueueEmail(tx, {
    kind: 'questionnaire',
    practiceId: input.practiceId,
    to: client.email,
    subject: 'Before your next session',
    text: `Before your session on ${when} (${client.timeZone}), please complete ${what} in your portal. Your answers are saved as you go.\n\n${portal}\n`,
  });
  return 'sent';
}

export type MeasureInvitationOutcome = 'created' | 'nothing-due' | 'skipped-stale';

/**
 * The job's handler: re-checks that the session is still scheduled at the time the job was made
 * for, then creates the due tasks (and the e-mail, where allowed) like the therapist's button does.
 */
export async function sendMeasureInvitations(
  services: Services,
  job: MeasureInvitationJob,
): Promise<MeasureInvitationOutcome> {
  return services.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ appointment: appointments, episode: episodes })
      .from(appointments)
      .innerJoin(
        episodes,
        and(
          eq(episodes.practiceId, appointments.practiceId),
          eq(episodes.id, appointments.episodeId),
        ),
      )
      .where(
        and(eq(appointments.practiceId, job.practiceId), eq(appointments.id, job.appointmentId)),
      );
    if (
      row?.appointment.status !== 'scheduled' ||
      row.appointment.startsAt.toISOString() !== job.startsAt ||
      // The job sends what the therapist could send by hand: the same action, the same phases.
      !phaseAllows('measure-task.create', row.episode.phase, 'therapist')
    ) {
      return 'skipped-stale';
    }
    const ctx = { actor: ANONYMOUS, requestId: `job:${MEASURE_INVITATION_QUEUE}`, services };
    const result = await createDueTasks(tx, ctx, row.appointment, row.episode);
    return result.created.length > 0 ? 'created' : 'nothing-due';
  });
}

/**
 * The questionnaire invitation job, 48 h before a session. "short" with the key appointment +
 * start: a moved session gets its own job (the stale one finds the session moved and does nothing).
 */
export const measureInvitationJob = defineJob<MeasureInvitationJob>({
  queue: MEASURE_INVITATION_QUEUE,
  policy: { policy: 'short', retryLimit: 5, retryBackoff: true, batchSize: 5 },
  handler: sendMeasureInvitations,
});
