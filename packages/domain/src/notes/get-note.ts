import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findById, listAddenda } from './repository';
import { type NoteView, toNoteView } from './views';

/** One session note with its decrypted body and addenda. Therapist of the episode only. */
export async function getNote(ctx: AccessContext, noteId: string): Promise<NoteView> {
  const actor = signedIn(ctx);
  const view = await inTransaction(ctx.services.db, async (tx) => {
    const note = await findById(tx, actor, noteId);
    await recordAudit(tx, ctx, {
      action: 'note.read',
      resourceType: 'note',
      resourceId: noteId,
      outcome: note ? 'success' : 'denied',
    });
    if (!note) return undefined;
    return toNoteView(tx, ctx, note, await listAddenda(tx, note.practiceId, note.id));
  });
  if (!view) throw notFound('note');
  return view;
}
