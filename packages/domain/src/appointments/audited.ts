import type { AccessContext } from '../access';
import { type AuditEntry, recordAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';

export type Outcome<T> =
  | { denied: true; value?: never }
  | { denied?: false; value: T; detail?: AuditEntry['detail']; resourceId?: string };

/**
 * Runs a use-case in one transaction with its audit event. Not visible → audited as denied, then
 * 404 after the commit. A refused change (conflict, bad state) rolls back and is audited as a
 * failure on its own, so refusals leave a trace but nothing half-written.
 */
export async function audited<T>(
  ctx: AccessContext,
  base: { action: string; resourceType: string; resourceId?: string | null; what: string },
  work: (tx: Executor) => Promise<Outcome<T>>,
): Promise<T> {
  const entry = { action: base.action, resourceType: base.resourceType };
  let outcome: Outcome<T>;
  try {
    outcome = await inTransaction(ctx.services.db, async (tx) => {
      const result = await work(tx);
      await recordAudit(tx, ctx, {
        ...entry,
        resourceId: (!result.denied && result.resourceId) || base.resourceId,
        outcome: result.denied ? 'denied' : 'success',
        ...(!result.denied && result.detail ? { detail: result.detail } : {}),
      });
      return result;
    });
  } catch (error) {
    if (error instanceof AppError) {
      await recordAudit(ctx.services.db, ctx, {
        ...entry,
        resourceId: base.resourceId,
        outcome: 'failure',
        detail: { reason: error.code },
      });
    }
    throw error;
  }
  if (outcome.denied) throw notFound(base.what);
  return outcome.value;
}
