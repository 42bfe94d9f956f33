import type * as Contract from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import { type AccessContext, performOnEpisode } from '../access';
import { AppError } from '../shared/errors';
import { emailMeasureInvitation } from './invitations';
import { readMeasureSettings, requireEnabled } from './practice-settings';
import { measureTasks } from './tables';
import { toTaskSummary } from './task-views';
import { insertTasksIfAbsent, markNotified } from './tasks-repository';

export type SentMeasureTask = Contract.SentMeasureTask;

/**
 * The therapist asks the client to complete one questionnaire now, outside the plan's rhythm (a new
 * client before their first session, say). It waits in the client's portal, due now, and the
 * client is e-mailed where their safe-contact choices allow. One open request per instrument: a
 * second is refused while the first waits.
 */
export async function sendMeasureTask(
  ctx: AccessContext,
  episodeId: string,
  input: { instrument: string },
): Promise<SentMeasureTask> {
  return performOnEpisode(ctx, 'measure-task.send', episodeId, async (tx, step) => {
    const { practiceId, clientId } = step.episode;
    const settings = await readMeasureSettings(tx, practiceId);
    if (!settings.catalogue.find(input.instrument)) {
      throw new AppError('VALIDATION_FAILED', 'Choose one of the questionnaires offered.', [
        { path: 'instrument', message: `No questionnaire "${input.instrument}" is available.` },
      ]);
    }
    requireEnabled(settings, input.instrument);
    const [waiting] = await tx
      .select({ id: measureTasks.id })
      .from(measureTasks)
      .where(
        and(
          eq(measureTasks.practiceId, practiceId),
          eq(measureTasks.episodeId, episodeId),
          eq(measureTasks.instrument, input.instrument),
          eq(measureTasks.status, 'open'),
        ),
      )
      .limit(1);
    if (waiting) {
      throw new AppError(
        'CONFLICT',
        'This questionnaire is already waiting in the client’s portal; it is not sent twice.',
      );
    }
    const now = ctx.services.now();
    const [task] = await insertTasksIfAbsent(tx, [
      { practiceId, episodeId, instrument: input.instrument, appointmentId: null, dueAt: now },
    ]);
    if (!task) throw new Error('measure task insert returned nothing');
    const outcome = await emailMeasureInvitation(tx, ctx.services, {
      practiceId,
      clientId,
      startsAt: null,
      count: 1,
    });
    const emailed = outcome === 'sent';
    if (emailed) await markNotified(tx, practiceId, [task.id], now);
    step.audit({
      resourceType: 'measure-task',
      resourceId: task.id,
      detail: { instrument: input.instrument, emailed },
    });
    return {
      task: toTaskSummary({ ...task, notifiedAt: emailed ? now : null }, settings.catalogue),
      emailed,
    };
  });
}
