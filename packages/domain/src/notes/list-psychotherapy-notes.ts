import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { findVisibleEpisode } from '../episodes';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { listPsychotherapyNotes as listOwn, type PsychotherapyNoteSummaryRow } from './repository';

/** The caller's own psychotherapy notes in an episode they hold, without bodies. */
export async function listPsychotherapyNotes(
  ctx: AccessContext,
  episodeId: string,
): Promise<PsychotherapyNoteSummaryRow[]> {
  const actor = signedIn(ctx);
  const rows = await inTransaction(ctx.services.db, async (tx) => {
    const access =
      actor.role === 'therapist' ? await findVisibleEpisode(tx, actor, episodeId) : undefined;
    const found = access ? await listOwn(tx, actor, episodeId) : undefined;
    await recordAudit(tx, ctx, {
      action: 'psychotherapy-note.list',
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
