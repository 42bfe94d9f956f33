import { type AccessContext, performOnRecord, type SignedIn } from '../access';
import type { Executor } from '../shared/transaction';
import { findById, findInPractice, listAddenda } from './repository';
import { type NoteView, toNoteView } from './views';

/**
 * One session note with its decrypted body and addenda: for the therapist of the episode, and a
 * supervisor whose client's consent shares notes (the kernel decides from the note's episode).
 */
export async function getNote(ctx: AccessContext, noteId: string): Promise<NoteView> {
  const target = {
    resourceType: 'note',
    resourceId: noteId,
    what: 'note',
    find: (tx: Executor, actor: SignedIn) => findInPractice(tx, actor.practiceId, noteId),
  };
  return performOnRecord(ctx, 'note.read', target, async (tx, note) =>
    toNoteView(tx, ctx, note, await listAddenda(tx, note.practiceId, note.id)),
  );
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
