import { type AccessContext, HIDDEN, perform, type SignedIn } from '../access';
import type { Executor } from '../shared/transaction';
import { findById, listAddenda } from './repository';
import { type NoteView, toNoteView } from './views';

/** One session note with its decrypted body and addenda. Therapist of the episode only. */
export async function getNote(ctx: AccessContext, noteId: string): Promise<NoteView> {
  const target = { resourceType: 'note', resourceId: noteId, what: 'note' };
  return perform(ctx, 'note.read', target, async (tx, { actor, about }) => {
    const note = await findById(tx, actor, noteId);
    if (!note) return HIDDEN;
    about({ episodeId: note.episodeId });
    return toNoteView(tx, ctx, note, await listAddenda(tx, note.practiceId, note.id));
  });
}

/** The same, inside a transaction the kernel has already admitted the caller to. */
export async function getNoteInTransaction(
  tx: Executor,
  ctx: AccessContext,
  actor: SignedIn,
  noteId: string,
): Promise<NoteView> {
  const note = await findById(tx, actor, noteId);
  if (!note) throw new Error('note of a visible session not visible');
  return toNoteView(tx, ctx, note, await listAddenda(tx, note.practiceId, note.id));
}
