import type { AccessContext } from '../access';
import { notFound } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';
import { recordAudit } from './record';

export type AuditedRead = {
  action: string;
  resourceType: string;
  resourceId: string;
  /** Used in the 404 message: "No <what> with that id was found." */
  what: string;
};

/**
 * The read of one record: find it through the caller's access predicate, audit the read in the
 * same transaction (as `denied` when it is not visible), present it, and answer 404 — exactly as
 * for a record that does not exist — after the denied event has committed.
 */
export async function readAudited<Row, View>(
  ctx: AccessContext,
  read: AuditedRead,
  find: (tx: Executor) => Promise<Row | undefined>,
  present: (tx: Executor, row: Row) => Promise<View> | View,
): Promise<View> {
  const result = await inTransaction(ctx.services.db, async (tx) => {
    const row = await find(tx);
    await recordAudit(tx, ctx, {
      action: read.action,
      resourceType: read.resourceType,
      resourceId: read.resourceId,
      outcome: row ? 'success' : 'denied',
    });
    return row === undefined ? undefined : { view: await present(tx, row) };
  });
  if (!result) throw notFound(read.what);
  return result.view;
}
