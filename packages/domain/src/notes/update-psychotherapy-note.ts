import { and, eq } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { type PsychotherapyNoteView, toPsychotherapyNoteView } from './psychotherapy-views';
import { authoredBy } from './repository';
import { psychotherapyNotes } from './tables';
import { psychotherapyPurpose } from './views';

/** The author rewrites their own psychotherapy note (process notes are not signed records). */
export async function updatePsychotherapyNote(
  ctx: AccessContext,
  id: string,
  input: { body: string },
): Promise<PsychotherapyNoteView> {
  const actor = signedIn(ctx);
  const view = await inTransaction(ctx.services.db, async (tx) => {
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
    await recordAudit(tx, ctx, {
      action: 'psychotherapy-note.update',
      resourceType: 'psychotherapy-note',
      resourceId: id,
      outcome: row ? 'success' : 'denied',
    });
    return row ? toPsychotherapyNoteView(tx, ctx, row) : undefined;
  });
  if (!view) throw notFound('psychotherapy note');
  return view;
}
