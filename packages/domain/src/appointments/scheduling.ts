import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../access';
import { scheduleMeasureInvitation } from '../measures';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { toLocal } from './recurrence';
import { scheduleReminder } from './reminders';
import { findConflicts, lockTherapistCalendar } from './repository';
import { appointments } from './tables';
import { appointmentLocationPurpose, type SessionKind } from './views';

export const MIN_DURATION = 15;
export const MAX_DURATION = 240;
/** Cancelling with less notice than this is a late cancellation. */
export const LATE_CANCELLATION_MS = 24 * 3_600_000;

export function assertDuration(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < MIN_DURATION || minutes > MAX_DURATION) {
    throw new AppError(
      'VALIDATION_FAILED',
      `A session lasts between ${MIN_DURATION} and ${MAX_DURATION} minutes; the end must be after the start.`,
      [
        {
          path: 'durationMinutes',
          message: `Between ${MIN_DURATION} and ${MAX_DURATION} minutes.`,
        },
      ],
    );
  }
}

/**
 * Locks the therapist's calendar for the rest of the transaction and refuses any overlap with
 * their other scheduled sessions (in any episode), naming the conflicting local times.
 */
export async function assertNoConflicts(
  tx: Executor,
  therapist: { practiceId: string; therapistId: string },
  intervals: { startsAt: Date; endsAt: Date }[],
  timeZone: string,
  excludeIds: string[] = [],
): Promise<void> {
  await lockTherapistCalendar(tx, therapist.therapistId);
  const conflicts = await findConflicts(tx, therapist, intervals, excludeIds);
  if (conflicts.length === 0) return;
  const shown = conflicts.slice(0, 5).map((c) => toLocal(c.startsAt, timeZone).replace('T', ' '));
  const more = conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : '';
  throw new AppError(
    'APPOINTMENT_CONFLICT',
    `That overlaps ${conflicts.length === 1 ? 'another session' : 'other sessions'} of the therapist at ${shown.join(', ')}${more} (${timeZone}). Choose another time.`,
  );
}

/** Inserts sessions, each future one with its reminder scheduled in the same transaction. */
export async function insertAppointments(
  tx: Executor,
  ctx: AccessContext,
  base: {
    practiceId: string;
    episodeId: string;
    therapistId: string;
    seriesId: string | null;
    modality: 'in-person' | 'video' | 'phone';
    location: string | null;
    /** Assessment sessions do not count towards finished treatment (CLINICAL.md §3). */
    kind?: SessionKind | undefined;
  },
  intervals: { startsAt: Date; endsAt: Date }[],
): Promise<string[]> {
  const values = [];
  for (const interval of intervals) {
    const id = randomUUID();
    const reminderJobId = await scheduleReminder(tx, ctx.services, {
      practiceId: base.practiceId,
      id,
      startsAt: interval.startsAt,
    });
    // Questionnaires before the session (measurement plan): its own job, 48 h before.
    await scheduleMeasureInvitation(tx, ctx.services, {
      practiceId: base.practiceId,
      id,
      startsAt: interval.startsAt,
    });
    const location = await ctx.services.keyring.encryptOptional(
      tx,
      base.practiceId,
      base.location,
      appointmentLocationPurpose(id),
    );
    values.push({ ...base, id, location, ...interval, reminderJobId });
  }
  if (values.length > 0) await tx.insert(appointments).values(values);
  return values.map((v) => v.id);
}
