import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { type PsychotherapyNoteView, toPsychotherapyNoteView } from './psychotherapy-views';
import { findPsychotherapyNote } from './repository';

/** The author's own psychotherapy note; anyone else (even in the same practice) gets 404. */
export async function getPsychotherapyNote(
  ctx: AccessContext,
  id: string,
): Promise<PsychotherapyNoteView> {
  const actor = signedIn(ctx);
  const view = await inTransaction(ctx.services.db, async (tx) => {
    const row = await findPsychotherapyNote(tx, actor, id);
    await recordAudit(tx, ctx, {
      action: 'psychotherapy-note.read',
      resourceType: 'psychotherapy-note',
      resourceId: id,
      outcome: row ? 'success' : 'denied',
    });
    return row ? toPsychotherapyNoteView(tx, ctx, row) : undefined;
  });
  if (!view) throw notFound('psychotherapy note');
  return view;
}
