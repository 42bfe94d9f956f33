import type { RecordRequest } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { findUserName, type RecordRequestRow, refusalReasonPurpose } from './repository';
import { releasedUntil } from './rule';

/** A refusal's reason, opened (empty for a request that was not refused). */
export async function openRefusal(
  tx: Executor,
  ctx: AccessContext,
  row: RecordRequestRow,
): Promise<string> {
  if (!row.refusalReason) return '';
  return ctx.services.keyring.decrypt(
    tx,
    row.practiceId,
    row.refusalReason,
    refusalReasonPurpose(row.id),
  );
}

export async function presentRequest(
  tx: Executor,
  ctx: AccessContext,
  row: RecordRequestRow,
): Promise<RecordRequest> {
  return {
    id: row.id,
    status: row.status,
    requestedAt: row.requestedAt,
    dueBy: row.dueBy,
    decidedAt: row.decidedAt,
    decidedByName: await findUserName(tx, row.practiceId, row.decidedBy),
    refusalReason: row.status === 'refused' ? await openRefusal(tx, ctx, row) : null,
    releasedUntil: releasedUntil(row),
  };
}
