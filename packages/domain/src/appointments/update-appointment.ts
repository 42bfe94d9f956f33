import type { AppointmentChanged } from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import { type AccessContext, actsAsClient, HIDDEN, perform, type SignedIn } from '../access';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { toLocal } from './recurrence';
import { cancelReminder } from './reminders';
import { type AppointmentRow, findById, listByIds, listScheduledInSeriesFrom } from './repository';
import { reschedule } from './reschedule-appointment';
import { LATE_CANCELLATION_MS } from './scheduling';
import { appointmentSeries, appointments } from './tables';
import { openAppointments, type SeriesView, type SessionKind, therapistZone } from './views';

export type Scope = 'this' | 'following';

export type UpdateAppointmentInput =
  | { status: 'attended' | 'no-show' }
  | {
      status: 'cancelled';
      cancelledBy?: 'client' | 'therapist' | undefined;
      scope?: Scope | undefined;
    }
  | { start: string; durationMinutes?: number | undefined; scope: Scope }
  /** Mark the session as an assessment or a treatment session (CLINICAL.md §3). */
  | { kind: SessionKind };

export type UpdatedAppointment = AppointmentChanged;

function stateError(row: AppointmentRow, wanted: string): AppError {
  return new AppError(
    'APPOINTMENT_STATE_INVALID',
    `This session is ${row.status === 'no-show' ? 'a no-show' : row.status}; only a scheduled session can be ${wanted}.`,
  );
}

/**
 * Records that a scheduled session was attended or missed, once it has begun (so no attended
 * session lies in the clock's future: `attendance.ts`). Inside the caller's transaction: the
 * session page marks a session attended and starts its note in one step.
 */
export async function recordAttendance(
  tx: Executor,
  ctx: AccessContext,
  row: AppointmentRow,
  status: 'attended' | 'no-show',
): Promise<string[]> {
  const now = ctx.services.now();
  if (row.status !== 'scheduled') throw stateError(row, `marked ${status}`);
  if (row.startsAt > now) {
    throw new AppError(
      'APPOINTMENT_STATE_INVALID',
      `This session has not started yet (it starts ${toLocal(row.startsAt, therapistZone(row)).replace('T', ' ')}); record it as ${status} once it has begun.`,
    );
  }
  await cancelReminder(tx, ctx.services, row.reminderJobId);
  await tx
    .update(appointments)
    .set({ status, statusChangedBy: (ctx.actor as SignedIn).userId, statusChangedAt: now })
    .where(and(eq(appointments.practiceId, row.practiceId), eq(appointments.id, row.id)));
  return [row.id];
}

async function cancel(
  tx: Executor,
  ctx: AccessContext,
  row: AppointmentRow,
  input: { cancelledBy?: 'client' | 'therapist' | undefined; scope?: Scope | undefined },
): Promise<string[]> {
  const actor = ctx.actor as SignedIn;
  const now = ctx.services.now();
  if (row.status !== 'scheduled') throw stateError(row, 'cancelled');
  if (actsAsClient(actor)) {
    if ((input.cancelledBy ?? 'client') !== 'client' || (input.scope ?? 'this') !== 'this') {
      throw new AppError(
        'FORBIDDEN',
        'You can cancel one session at a time, as yourself; ask your therapist about the rest of the series.',
      );
    }
    if (row.startsAt <= now) {
      throw new AppError('APPOINTMENT_STATE_INVALID', 'This session has already started.');
    }
  }
  const cancelledBy = actsAsClient(actor) ? 'client' : (input.cancelledBy ?? 'therapist');
  const targets =
    input.scope === 'following' && row.seriesId
      ? await listScheduledInSeriesFrom(tx, row.practiceId, row.seriesId, row.startsAt)
      : [row];
  for (const target of targets) {
    await cancelReminder(tx, ctx.services, target.reminderJobId);
    await tx
      .update(appointments)
      .set({
        status: 'cancelled',
        cancelledBy,
        cancelledAt: now,
        // Less than 24 hours' notice is a late cancellation (the practice's notice period).
        lateCancellation: target.startsAt.getTime() - now.getTime() < LATE_CANCELLATION_MS,
        statusChangedBy: actor.userId,
        statusChangedAt: now,
      })
      .where(and(eq(appointments.practiceId, row.practiceId), eq(appointments.id, target.id)));
  }
  if (input.scope === 'following' && row.seriesId) {
    await tx
      .update(appointmentSeries)
      .set({ endedAt: row.startsAt })
      .where(
        and(
          eq(appointmentSeries.practiceId, row.practiceId),
          eq(appointmentSeries.id, row.seriesId),
        ),
      );
  }
  return targets.map((t) => t.id);
}

/** Marks a session as an assessment or a treatment session, whatever its status. */
async function setKind(tx: Executor, row: AppointmentRow, kind: SessionKind): Promise<string[]> {
  await tx
    .update(appointments)
    .set({ kind })
    .where(and(eq(appointments.practiceId, row.practiceId), eq(appointments.id, row.id)));
  return [row.id];
}

/**
 * Records what happened to a session (attended, no-show), cancels it (this one or all
 * following), or moves it (this one, or this and all following as a new series). A client may
 * only cancel one of their own scheduled sessions.
 */
export async function updateAppointment(
  ctx: AccessContext,
  id: string,
  input: UpdateAppointmentInput,
): Promise<UpdatedAppointment> {
  const action =
    'kind' in input
      ? 'kind'
      : 'start' in input
        ? 'reschedule'
        : input.status === 'cancelled'
          ? 'cancel'
          : input.status;
  const target = { resourceType: 'appointment', resourceId: id, what: 'appointment' };
  return perform(ctx, 'appointment.update', target, async (tx, step) => {
    const { actor } = step;
    const row = await findById(tx, actor, id, { forUpdate: true });
    if (!row) return HIDDEN;
    step.about({ episodeId: row.episodeId });
    if (actsAsClient(actor) && action !== 'cancel') {
      throw new AppError(
        'FORBIDDEN',
        'Only your therapist can change a session; you can cancel it.',
      );
    }
    let ids: string[];
    let series: SeriesView | null = null;
    let capped = false;
    if ('kind' in input) {
      ids = await setKind(tx, row, input.kind);
    } else if ('start' in input) {
      ({ ids, series, capped } = await reschedule(tx, ctx, row, input));
    } else if (input.status === 'cancelled') {
      ids = await cancel(tx, ctx, row, input);
    } else {
      ids = await recordAttendance(tx, ctx, row, input.status);
    }
    const rows = await listByIds(tx, actor, ids);
    const views = await openAppointments(tx, ctx.services.keyring, actor, rows);
    const appointment = views.find((v) => v.id === id) ?? views[0];
    if (!appointment) throw new Error('updated appointment not visible');
    const value: UpdatedAppointment = { appointment, appointments: views, series };
    if (capped) value.capped = true;
    step.audit({
      detail: {
        change: action,
        scope: 'scope' in input ? (input.scope ?? 'this') : 'this',
        count: ids.length,
      },
    });
    return value;
  });
}
