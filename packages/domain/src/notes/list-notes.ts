import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { findVisibleEpisode } from '../episodes';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { listByEpisode, type NoteSummaryRow } from './repository';

/**
 * The session notes of an episode, newest first, without bodies. Psychotherapy notes are not
 * part of the record and never appear here (HIPAA 45 CFR 164.501).
 */
export async function listNotes(ctx: AccessContext, episodeId: string): Promise<NoteSummaryRow[]> {
  const actor = signedIn(ctx);
  const rows = await inTransaction(ctx.services.db, async (tx) => {
    const access =
      actor.role === 'therapist' ? await findVisibleEpisode(tx, actor, episodeId) : undefined;
    const found = access ? await listByEpisode(tx, actor.practiceId, episodeId) : undefined;
    await recordAudit(tx, ctx, {
      action: 'note.list',
      resourceType: 'episode',
      resourceId: episodeId,
      outcome: found ? 'success' : 'denied',
      ...(found ? { detail: { count: found.length } } : {}),
    });
    return found;
  });
  if (!rows) throw notFound('episode');
  return rows;
}
