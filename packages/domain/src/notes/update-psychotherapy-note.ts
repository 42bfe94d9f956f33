import { and, eq } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { type AccessContext, performOnRecord } from '../access';
import type { Executor } from '../shared/transaction';
import { type PsychotherapyNoteView, toPsychotherapyNoteView } from './psychotherapy-views';
import { authoredBy, findPsychotherapyNote } from './repository';
import { psychotherapyNotes } from './tables';
import { psychotherapyPurpose } from './views';

/** The author rewrites their own psychotherapy note (process notes are not signed records). */
export async function updatePsychotherapyNote(
  ctx: AccessContext,
  id: string,
  input: { body: string },
): Promise<PsychotherapyNoteView> {
  const target = {
    resourceType: 'psychotherapy-note',
    resourceId: id,
    what: 'psychotherapy note',
    find: (tx: Executor, actor: SignedIn) => findPsychotherapyNote(tx, actor, id),
  };
  return performOnRecord(ctx, 'psychotherapy-note.update', target, async (tx, _note, step) => {
    const { actor } = step;
    const [row] = await tx
      .update(psychotherapyNotes)
      .set({
        body: await ctx.services.keyring.encrypt(
          tx,
          actor.practiceId,
          input.body,
          psychotherapyPurpose(id),
          'psychotherapy',
        ),
        updatedAt: ctx.services.now(),
      })
      .where(and(authoredBy(actor), eq(psychotherapyNotes.id, id)))
      .returning();
    if (!row) throw new Error('psychotherapy note vanished');
    return toPsychotherapyNoteView(tx, ctx, row);
  });
}
