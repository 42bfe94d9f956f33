import { type AccessContext, signedIn } from '../access';
import { readAudited } from '../audit';
import { type PsychotherapyNoteView, toPsychotherapyNoteView } from './psychotherapy-views';
import { findPsychotherapyNote } from './repository';

/** The author's own psychotherapy note; anyone else (even in the same practice) gets 404. */
export async function getPsychotherapyNote(
  ctx: AccessContext,
  id: string,
): Promise<PsychotherapyNoteView> {
  const actor = signedIn(ctx);
  return readAudited(
    ctx,
    {
      action: 'psychotherapy-note.read',
      resourceType: 'psychotherapy-note',
      resourceId: id,
      what: 'psychotherapy note',
    },
    (tx) => findPsychotherapyNote(tx, actor, id),
    (tx, row) => toPsychotherapyNoteView(tx, ctx, row),
  );
}
