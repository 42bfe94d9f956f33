import { type AccessContext, HIDDEN, perform } from '../access';
import { findById } from './repository';
import { type ClientView, openClient } from './views';

/** One client record. Not visible → 404, and the attempt is audited as denied. */
export async function getClient(ctx: AccessContext, clientId: string): Promise<ClientView> {
  const target = { resourceType: 'client', resourceId: clientId, what: 'client' };
  return perform(ctx, 'client.read', target, async (tx, { actor, about }) => {
    const row = await findById(tx, actor, clientId);
    if (!row) return HIDDEN;
    about({ clientId: row.id });
    return openClient(tx, ctx.services.keyring, row);
  });
}
