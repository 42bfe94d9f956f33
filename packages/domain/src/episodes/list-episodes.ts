import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { decodeKeyset, encodeKeyset } from '../shared/cursor';
import { inTransaction } from '../shared/transaction';
import type { Phase } from './phases';
import { type Cursor, listVisible } from './repository';
import { type EpisodeView, openEpisode } from './views';

export type EpisodePage = { items: EpisodeView[]; nextCursor: string | null };

function encodeCursor(view: EpisodeView): string {
  return encodeKeyset({ at: view.openedAt, id: view.id });
}

/** The episodes the caller may see (a therapist: their own; a client: theirs), newest first. */
export async function listEpisodes(
  ctx: AccessContext,
  input: {
    clientId?: string | undefined;
    phase?: Phase | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<EpisodePage> {
  const actor = signedIn(ctx);
  const position = decodeKeyset(input.cursor);
  const after: Cursor | undefined = position && { openedAt: position.at, id: position.id };
  const rows = await inTransaction(ctx.services.db, async (tx) => {
    const found = await listVisible(
      tx,
      actor,
      { clientId: input.clientId, phase: input.phase },
      input.limit + 1,
      after,
    );
    await recordAudit(tx, ctx, {
      action: 'episode.list',
      resourceType: 'episode',
      resourceId: input.clientId ?? null,
      outcome: 'success',
      detail: { count: Math.min(found.length, input.limit) },
    });
    return found;
  });
  const { db, keyring } = ctx.services;
  const items = await Promise.all(
    rows.slice(0, input.limit).map((row) => openEpisode(db, keyring, row)),
  );
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}
