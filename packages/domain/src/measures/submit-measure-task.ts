import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { type RecordedResponse, recordResponse } from './record-response';
import { findClientTask } from './tasks-repository';

/**
 * The client submits a questionnaire from their portal. The response is recorded (scored, stored,
 * alerts evaluated, task completed) by `recordResponse` in its own transaction, which locks the
 * task and refuses a second submission; crisis resources come back at once when a risk item fired.
 */
export async function submitMeasureTask(
  ctx: AccessContext,
  taskId: string,
  input: { answers: (number | null)[] },
): Promise<RecordedResponse> {
  const actor = signedIn(ctx);
  const task = await inTransaction(ctx.services.db, async (tx) => {
    const row = await findClientTask(tx, actor, taskId);
    if (row?.status !== 'open') {
      await recordAudit(tx, ctx, {
        action: 'measure-task.submit',
        resourceType: 'measure-task',
        resourceId: taskId,
        outcome: row ? 'failure' : 'denied',
        detail: { reason: row ? row.status : 'not-found' },
      });
    }
    return row;
  });
  if (!task) throw notFound('questionnaire');
  if (task.status !== 'open') {
    throw new AppError(
      'MEASURE_TASK_CLOSED',
      task.status === 'completed'
        ? 'This questionnaire has already been completed.'
        : 'This questionnaire has expired.',
    );
  }
  return recordResponse(ctx, {
    episodeId: task.episodeId,
    instrument: task.instrument,
    answers: input.answers,
    ...(task.appointmentId ? { appointmentId: task.appointmentId } : {}),
    taskId: task.id,
  });
}
