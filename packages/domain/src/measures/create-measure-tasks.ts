import type * as Contract from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { type AccessContext, performOnRecord, Refusal } from '../access';
import { appointments } from '../appointments/tables';
import { readCatalogue } from '../instruments';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
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
  const target = {
    resourceType: 'appointment',
    resourceId: appointmentId,
    what: 'session',
    // The therapist's own sessions; the kernel then admits them by the episode's relation.
    find: async (tx: Executor, actor: SignedIn) => {
      const [row] = await tx
        .select()
        .from(appointments)
        .where(
          and(
            eq(appointments.practiceId, actor.practiceId),
            eq(appointments.therapistId, actor.userId),
            eq(appointments.id, appointmentId),
          ),
        );
      return row;
    },
  };
  // The episode's phase is the kernel's to check (closed: 409 naming the phase).
  return performOnRecord(ctx, 'measure-task.create', target, async (tx, appointment, step) => {
    if (appointment.status !== 'scheduled') {
      return new Refusal(
        new AppError(
          'APPOINTMENT_STATE_INVALID',
          `This session is ${appointment.status}; questionnaires are sent only for scheduled sessions.`,
        ),
        { status: appointment.status },
      );
    }
    const due = await createDueTasks(tx, ctx, appointment, step.episode);
    const catalogue = await readCatalogue(tx, step.episode.practiceId);
    return {
      appointmentId,
      sessionNumber: due.sessionNumber,
      created: due.created.length,
      emailed: due.emailed,
      tasks: due.tasks.map((t) => toTaskSummary(t, catalogue)),
    };
  });
}
