import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findById } from './repository';
import { type ClientView, toClientView } from './views';

/** One client record. Not visible → 404, and the attempt is audited as denied. */
export async function getClient(ctx: AccessContext, clientId: string): Promise<ClientView> {
  const actor = signedIn(ctx);
  const row = await inTransaction(ctx.services.db, async (tx) => {
    const found = await findById(tx, actor, clientId);
    await recordAudit(tx, ctx, {
      action: 'client.read',
      resourceType: 'client',
      resourceId: clientId,
      outcome: found ? 'success' : 'denied',
    });
    return found;
  });
  if (!row) throw notFound('client');
  return toClientView(row);
}
