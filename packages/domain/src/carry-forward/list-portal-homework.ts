import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { inTransaction } from '../shared/transaction';
import { listPortalHomework as listForClient } from './repository';
import { type HomeworkView, toHomeworkView } from './views';

/** Finished homework stays in the portal this long, so the client sees what they did. */
export const RECENT_DONE_DAYS = 30;

/** The client's open homework and recently finished homework, across their episodes. */
export async function listPortalHomework(ctx: AccessContext): Promise<HomeworkView[]> {
  const actor = signedIn(ctx);
  const since = new Date(ctx.services.now().getTime() - RECENT_DONE_DAYS * 86_400_000);
  return inTransaction(ctx.services.db, async (tx) => {
    const rows = await listForClient(tx, actor, since);
    await recordAudit(tx, ctx, {
      action: 'homework.list',
      resourceType: 'portal',
      outcome: 'success',
      detail: { count: rows.length },
    });
    return Promise.all(rows.map((r) => toHomeworkView(tx, ctx, r)));
  });
}
