import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { inTransaction } from '../shared/transaction';
import { readMeasureSettings } from './practice-settings';
import { type PortalMeasureTask, toPortalTask } from './task-views';
import { listOpenClientTasks } from './tasks-repository';

/** The client's open questionnaires, with the form to fill in and any progress saved. */
export async function listPortalMeasureTasks(ctx: AccessContext): Promise<PortalMeasureTask[]> {
  const actor = signedIn(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    // A questionnaire the practice has switched off since the task was sent cannot be scored, so
    // the client is not asked to fill it in (issue 7, item 21).
    const { enabledInstruments, catalogue } = await readMeasureSettings(tx, actor.practiceId);
    const rows = (await listOpenClientTasks(tx, actor)).filter((row) =>
      enabledInstruments.includes(row.instrument),
    );
    await recordAudit(tx, ctx, {
      action: 'measure-task.list',
      resourceType: 'portal',
      outcome: 'success',
      detail: { count: rows.length },
    });
    const views: PortalMeasureTask[] = [];
    for (const row of rows) views.push(await toPortalTask(tx, ctx, row, catalogue));
    return views;
  });
}
