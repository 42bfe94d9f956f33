import { type AccessContext, HIDDEN, perform } from '../access';
import { type PsychotherapyNoteView, toPsychotherapyNoteView } from './psychotherapy-views';
import { findPsychotherapyNote } from './repository';

/** The author's own psychotherapy note; anyone else (even in the same practice) gets 404. */
export async function getPsychotherapyNote(
  ctx: AccessContext,
  id: string,
): Promise<PsychotherapyNoteView> {
  const target = { resourceType: 'psychotherapy-note', resourceId: id, what: 'psychotherapy note' };
  return perform(ctx, 'psychotherapy-note.read', target, async (tx, { actor, about }) => {
    const row = await findPsychotherapyNote(tx, actor, id);
    if (!row) return HIDDEN;
    // Its read is part of the client's access report by kind only ("a private note").
    about({ episodeId: row.episodeId });
    return toPsychotherapyNoteView(tx, ctx, row);
  });
}
