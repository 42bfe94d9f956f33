import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { type Cursor, listVisible } from './repository';
import { type ClientView, openClient } from './views';

export type ClientPage = { items: ClientView[]; nextCursor: string | null };

function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
    const createdAt = new Date(time ?? '');
    if (!id || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new AppError(
      'VALIDATION_FAILED',
      'The cursor is not one this API returned; start again without it.',
      [{ path: 'cursor', message: 'Unknown cursor.' }],
    );
  }
}

function encodeCursor(view: ClientView): string {
  return Buffer.from(`${view.createdAt.toISOString()}|${view.id}`).toString('base64url');
}

/** The caller's caseload (or what they may see of it), newest first. */
export async function listClients(
  ctx: AccessContext,
  input: { limit: number; cursor?: string | undefined },
): Promise<ClientPage> {
  const actor = signedIn(ctx);
  const after = decodeCursor(input.cursor);
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
