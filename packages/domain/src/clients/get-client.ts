import { type AccessContext, signedIn } from '../access';
import { readAudited } from '../audit';
import { findById } from './repository';
import { type ClientView, openClient } from './views';

/** One client record. Not visible → 404, and the attempt is audited as denied. */
export async function getClient(ctx: AccessContext, clientId: string): Promise<ClientView> {
  const actor = signedIn(ctx);
  return readAudited(
    ctx,
    { action: 'client.read', resourceType: 'client', resourceId: clientId, what: 'client' },
    (tx) => findById(tx, actor, clientId),
    (tx, row) => openClient(tx, ctx.services.keyring, row),
  );
}
