import { and, eq } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { users } from '../identity/tables';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import {
  type ClientDetails,
  checkClientDetails,
  detailColumns,
  sealClientColumns,
} from './details';
import { findById, updateById } from './repository';
import { type ClientView, openClient } from './views';

/**
 * The client's therapist corrects or completes their details. The e-mail address is the portal
 * login and is not changed here. Not visible → 404, audited as denied.
 */
export async function updateClient(
  ctx: AccessContext,
  clientId: string,
  changes: ClientDetails,
): Promise<ClientView> {
  const actor = signedIn(ctx);
  checkClientDetails(changes, ctx.services.now());
  const columns = detailColumns(changes);
  const fields = Object.keys(columns);
  if (fields.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Send at least one field to change.');
  }
  const { keyring } = ctx.services;
  const row = await inTransaction(ctx.services.db, async (tx) => {
    const sealed = await sealClientColumns(tx, keyring, actor.practiceId, clientId, columns);
    const updated = await updateById(tx, actor, clientId, sealed);
    await recordAudit(tx, ctx, {
      action: 'client.update',
      resourceType: 'client',
      resourceId: clientId,
      outcome: updated ? 'success' : 'denied',
      subjectClientId: updated ? clientId : null,
      // Which fields changed, never their values.
      ...(updated ? { detail: { fields: fields.sort().join(',') } } : {}),
    });
    if (!updated) return undefined;
    const found = await findById(tx, actor, clientId);
    if (found && changes.displayName !== undefined) {
      // The portal login carries the same name (shown on the client's own pages).
      await tx
        .update(users)
        .set({ displayName: changes.displayName })
        .where(and(eq(users.practiceId, found.practiceId), eq(users.id, found.userId)));
    }
    return found;
  });
  if (!row) throw notFound('client');
  return openClient(ctx.services.db, keyring, row);
}
