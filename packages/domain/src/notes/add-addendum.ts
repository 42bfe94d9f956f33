import { randomUUID } from 'node:crypto';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findById, listAddenda } from './repository';
import { noteAddenda } from './tables';
import { addendumPurpose, type NoteView, toNoteView } from './views';

/** A correction or addition to a signed note, with its author and time; the note stays as signed. */
export async function addAddendum(
  ctx: AccessContext,
  noteId: string,
  input: { text: string },
): Promise<NoteView> {
  const actor = signedIn(ctx);
  let failure: AppError | undefined;
  const view = await inTransaction(ctx.services.db, async (tx) => {
    const note = await findById(tx, actor, noteId, true);
    if (note?.status !== 'signed') {
      await recordAudit(tx, ctx, {
        action: 'note.addendum',
        resourceType: 'note',
        resourceId: noteId,
        outcome: note ? 'failure' : 'denied',
        detail: { reason: note ? 'not-signed' : 'not-found' },
      });
      failure = note
        ? new AppError(
            'NOTE_NOT_SIGNED',
            'Addenda are for signed notes. This note is still a draft: edit it directly.',
          )
        : notFound('note');
      return undefined;
    }
    const id = randomUUID();
    await tx.insert(noteAddenda).values({
      practiceId: note.practiceId,
      id,
      noteId: note.id,
      authorId: actor.userId,
      body: await ctx.services.keyring.encrypt(
        tx,
        note.practiceId,
        input.text,
        addendumPurpose(id),
      ),
      createdAt: ctx.services.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'note.addendum',
      resourceType: 'note',
      resourceId: note.id,
      outcome: 'success',
      detail: { addendumId: id },
    });
    return toNoteView(tx, ctx, note, await listAddenda(tx, note.practiceId, note.id));
  });
  if (failure || !view) throw failure ?? notFound('note');
  return view;
}
