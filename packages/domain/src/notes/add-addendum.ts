import { randomUUID } from 'node:crypto';
import type { SignedIn } from '../access';
import { type AccessContext, performOnRecord, Refusal } from '../access';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { findById, listAddenda } from './repository';
import { noteAddenda } from './tables';
import { addendumPurpose, type NoteView, toNoteView } from './views';

/** A correction or addition to a signed note, with its author and time; the note stays as signed. */
export async function addAddendum(
  ctx: AccessContext,
  noteId: string,
  input: { text: string },
): Promise<NoteView> {
  const target = {
    resourceType: 'note',
    resourceId: noteId,
    what: 'note',
    find: (tx: Executor, actor: SignedIn) => findById(tx, actor, noteId, true),
  };
  return performOnRecord(ctx, 'note.addendum', target, async (tx, note, step) => {
    const { actor } = step;
    if (note.status !== 'signed') {
      return new Refusal(
        new AppError(
          'NOTE_NOT_SIGNED',
          'Addenda are for signed notes. This note is still a draft: edit it directly.',
        ),
      );
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
    step.audit({ detail: { addendumId: id } });
    return toNoteView(tx, ctx, note, await listAddenda(tx, note.practiceId, note.id));
  });
}
