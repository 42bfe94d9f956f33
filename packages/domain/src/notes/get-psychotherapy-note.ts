import { type AccessContext, HIDDEN, perform } from '../access';
import { type PsychotherapyNoteView, toPsychotherapyNoteView } from './psychotherapy-views';
import { findPsychotherapyNote } from './repository';

/** The author's own psychotherapy note; anyone else (even in the same practice) gets 404. */
export async function getPsychotherapyNote(
  ctx: AccessContext,
  id: string,
): Promise<PsychotherapyNoteView> {
  const target = { resourceType: 'psychotherapy-note', resourceId: id, what: 'psychotherapy note' };
  return perform(ctx, 'psychotherapy-note.read', target, async (tx, { actor }) => {
    const row = await findPsychotherapyNote(tx, actor, id);
    return row ? toPsychotherapyNoteView(tx, ctx, row) : HIDDEN;
  });
}
