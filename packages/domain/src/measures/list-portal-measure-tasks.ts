import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { inTransaction } from '../shared/transaction';
import { type PortalMeasureTask, toPortalTask } from './task-views';
import { listOpenClientTasks } from './tasks-repository';

/** The client's open questionnaires, with the form to fill in and any progress saved. */
export async function listPortalMeasureTasks(ctx: AccessContext): Promise<PortalMeasureTask[]> {
  const actor = signedIn(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    const rows = await listOpenClientTasks(tx, actor);
    await recordAudit(tx, ctx, {
      action: 'measure-task.list',
      resourceType: 'portal',
      outcome: 'success',
      detail: { count: rows.length },
    });
    const views: PortalMeasureTask[] = [];
    for (const row of rows) views.push(await toPortalTask(tx, ctx, row));
    return views;
  });
}
