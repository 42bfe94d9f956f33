import type * as Contract from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { appointments } from '../appointments/tables';
import { recordAudit } from '../audit';
import { findVisibleEpisode } from '../episodes';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { createDueTasks } from './due-tasks';
import { toTaskSummary } from './task-views';

export type CreatedMeasureTasks = Contract.CreatedMeasureTasks;

/**
 * The therapist sends the questionnaires for a scheduled session now, instead of waiting for the
 * job 48 h before it. Idempotent: tasks that exist are kept, and the client is e-mailed only once.
 */
export async function createTasksForAppointment(
  ctx: AccessContext,
  appointmentId: string,
): Promise<CreatedMeasureTasks> {
  const actor = signedIn(ctx);
  let failure: AppError | undefined;
  const result = await inTransaction(ctx.services.db, async (tx) => {
    const [appointment] =
      actor.role === 'therapist'
        ? await tx
            .select()
            .from(appointments)
            .where(
              and(
                eq(appointments.practiceId, actor.practiceId),
                eq(appointments.therapistId, actor.userId),
                eq(appointments.id, appointmentId),
              ),
            )
        : [];
    const access = appointment && (await findVisibleEpisode(tx, actor, appointment.episodeId));
    if (!appointment || !access || access.as !== 'therapist') {
      await recordAudit(tx, ctx, {
        action: 'measure-task.create',
        resourceType: 'appointment',
        resourceId: appointmentId,
        outcome: 'denied',
        detail: { reason: 'not-found' },
      });
      failure = notFound('session');
      return undefined;
    }
    if (appointment.status !== 'scheduled' || access.episode.phase === 'closed') {
      await recordAudit(tx, ctx, {
        action: 'measure-task.create',
        resourceType: 'appointment',
        resourceId: appointmentId,
        outcome: 'failure',
        detail: { reason: appointment.status },
      });
      failure = new AppError(
        'APPOINTMENT_STATE_INVALID',
        access.episode.phase === 'closed'
          ? 'This episode is closed; questionnaires are sent only for sessions still to come.'
          : `This session is ${appointment.status}; questionnaires are sent only for scheduled sessions.`,
      );
      return undefined;
    }
    const due = await createDueTasks(tx, ctx, appointment, access.episode);
    return {
      appointmentId,
      sessionNumber: due.sessionNumber,
      created: due.created.length,
      emailed: due.emailed,
      tasks: due.tasks.map(toTaskSummary),
    };
  });
  if (failure || !result) throw failure ?? notFound('session');
  return result;
}
