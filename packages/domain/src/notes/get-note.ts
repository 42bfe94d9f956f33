import { type AccessContext, signedIn } from '../access';
import { readAudited } from '../audit';
import { findById, listAddenda } from './repository';
import { type NoteView, toNoteView } from './views';

/** One session note with its decrypted body and addenda. Therapist of the episode only. */
export async function getNote(ctx: AccessContext, noteId: string): Promise<NoteView> {
  const actor = signedIn(ctx);
  return readAudited(
    ctx,
    { action: 'note.read', resourceType: 'note', resourceId: noteId, what: 'note' },
    (tx) => findById(tx, actor, noteId),
    async (tx, note) => toNoteView(tx, ctx, note, await listAddenda(tx, note.practiceId, note.id)),
  );
}
