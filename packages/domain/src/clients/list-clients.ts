import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { decodeKeyset, encodeKeyset } from '../shared/cursor';
import { inTransaction } from '../shared/transaction';
import { type Cursor, listVisible } from './repository';
import { type ClientView, openClient } from './views';

export type ClientPage = { items: ClientView[]; nextCursor: string | null };

function encodeCursor(view: ClientView): string {
  return encodeKeyset({ at: view.createdAt, id: view.id });
}

/** The caller's caseload (or what they may see of it), newest first. */
export async function listClients(
  ctx: AccessContext,
  input: { limit: number; cursor?: string | undefined },
): Promise<ClientPage> {
  const actor = signedIn(ctx);
  const position = decodeKeyset(input.cursor);
  const after: Cursor | undefined = position && { createdAt: position.at, id: position.id };
  const rows = await inTransaction(ctx.services.db, async (tx) => {
    const found = await listVisible(tx, actor, input.limit + 1, after);
    await recordAudit(tx, ctx, {
      action: 'client.list',
      resourceType: 'client',
      outcome: 'success',
      detail: { count: Math.min(found.length, input.limit) },
    });
    return found;
  });
  const { db, keyring } = ctx.services;
  const items = await Promise.all(
    rows.slice(0, input.limit).map((row) => openClient(db, keyring, row)),
  );
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}
