import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Services } from '../access';
import { findClientMailContact } from '../clients';
import { admittedEpisodeSql } from '../episodes';
import { clientMailPolicy, enqueueEmail } from '../notifications';
import type { Executor } from '../shared/transaction';
import { CHECK_IN_CLOSE_MS, CHECK_IN_REMINDER_MS, type CheckInJob, queueCheckInStep } from './jobs';
import {
  type CheckInRow,
  cancelFutureCheckIns,
  hasLiveCheckInConsent,
  lockCheckIn,
} from './repository';
import { checkIns } from './tables';

export type CheckInStepOutcome =
  | 'invited'
  | 'reminded'
  | 'unanswered'
  | 'not-yet'
  | 'cancelled'
  | 'skipped';

export const NEUTRAL_CHECK_IN_INVITATION =
  'There is something new for you in your portal. Sign in to see it.';

/** Which state a step moves a check-in from, and to. */
const MOVES = {
  invite: { from: 'scheduled', to: 'invited' },
  remind: { from: 'invited', to: 'reminded' },
  close: { from: 'reminded', to: 'unanswered' },
} as const;

/**
 * One step of a check-in, run by the job queue. The row is locked and its state checked, so a
 * step happens once even when two processes run it or a job is delivered twice; a check-in that
 * was answered, cancelled or already moved on is left alone. An invitation or reminder needs the
 * client's consent still live (else every check-in still to come is cancelled) and the episode
 * still in aftercare. A job delivered early (clock skew) is queued again for its time.
 */
export async function runCheckInStep(
  services: Services,
  job: CheckInJob,
): Promise<CheckInStepOutcome> {
  return services.db.transaction(async (tx) => {
    const row = await lockCheckIn(tx, job.practiceId, job.checkInId);
    const move = MOVES[job.step];
    if (row?.status !== move.from) return 'skipped';
    const now = services.now();
    const at = new Date(job.at);
    if (now.getTime() < at.getTime()) {
      await queueCheckInStep(tx, services, row, job.step, at);
      return 'not-yet';
    }
    if (job.step !== 'close' && !(await stillWanted(tx, row))) {
      await cancelFutureCheckIns(tx, row.practiceId, { clientId: row.clientId }, now);
      return 'cancelled';
    }
    const stamp =
      job.step === 'invite'
        ? { invitedAt: now }
        : job.step === 'remind'
          ? { remindedAt: now }
          : { closedAt: now };
    await tx
      .update(checkIns)
      .set({ status: move.to, ...stamp })
      .where(and(eq(checkIns.practiceId, row.practiceId), eq(checkIns.id, row.id)));
    if (job.step === 'invite') {
      await emailCheckIn(tx, services, row, false);
      await queueCheckInStep(
        tx,
        services,
        row,
        'remind',
        new Date(now.getTime() + CHECK_IN_REMINDER_MS),
      );
      return 'invited';
    }
    if (job.step === 'remind') {
      await emailCheckIn(tx, services, row, true);
      await queueCheckInStep(
        tx,
        services,
        row,
        'close',
        new Date(now.getTime() + CHECK_IN_CLOSE_MS),
      );
      return 'reminded';
    }
    return 'unanswered';
  });
}

async function stillWanted(tx: Executor, row: CheckInRow): Promise<boolean> {
  const head = await tx.execute<{ phase: string }>(
    sql`SELECT e.phase FROM (${admittedEpisodeSql(row.practiceId, row.episodeId)}) e`,
  );
  return (
    head.rows[0]?.phase === 'aftercare' &&
    (await hasLiveCheckInConsent(tx, row.practiceId, row.clientId))
  );
}

/**
 * The e-mail telling the client a check-in waits in the portal, only through the one client
 * e-mail rule (`clientMailPolicy`, ETHICS.md): an invitation to a questionnaire, so nothing unless
 * they allow e-mail and reminders; with details allowed it says it is a check-in and its day,
 * never a score, a question or anything they wrote. The portal task exists either way.
 */
export async function emailCheckIn(
  tx: Executor,
  services: Services,
  row: CheckInRow,
  reminder: boolean,
): Promise<'sent' | 'skipped-preferences'> {
  const client = await findClientMailContact(tx, row.practiceId, { clientId: row.clientId });
  const policy = client ? clientMailPolicy(client, 'questionnaire') : undefined;
  if (!client?.email || !policy?.send) return 'skipped-preferences';
  const portal = `${services.publicUrl}/`;
  const day = DateTime.fromISO(row.dueOn, { zone: client.timeZone }).toFormat('cccc d LLLL yyyy');
  await enqueueEmail(tx, {
    kind: 'questionnaire',
    practiceId: row.practiceId,
    to: client.email,
    subject: policy.details
      ? reminder
        ? 'A gentle reminder: your check-in'
        : 'Your check-in is ready'
      : 'Something new in your portal',
    text: policy.details
      ? `${reminder ? 'In case it was missed: the' : 'The'} check-in you agreed to for ${day} is ready in your portal. It takes a few minutes; answering is up to you${reminder ? ', and this is the only reminder' : ''}.\n\n${portal}\n`
      : `${NEUTRAL_CHECK_IN_INVITATION}\n\n${portal}\n`,
  });
  return 'sent';
}
