import { randomUUID } from 'node:crypto';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { type AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { checkNoteTarget } from './note-target';
import { type PsychotherapyNoteView, toPsychotherapyNoteView } from './psychotherapy-views';
import { psychotherapyNotes } from './tables';
import { psychotherapyPurpose } from './views';

/**
 * A psychotherapy (process) note, HIPAA 45 CFR 164.501: kept apart from the record in its own
 * table, encrypted with the practice's separate psychotherapy key, readable by its author only.
 * The answer carries warnings for content the rule excludes from such notes.
 */
export async function createPsychotherapyNote(
  ctx: AccessContext,
  input: { episodeId: string; body: string; appointmentId?: string | undefined },
): Promise<PsychotherapyNoteView> {
  const actor = signedIn(ctx);
  let failure: AppError | undefined;
  const view = await inTransaction(ctx.services.db, async (tx) => {
    failure = await checkNoteTarget(tx, ctx, actor, input, 'psychotherapy-note.create');
    if (failure) return undefined;
    const id = randomUUID();
    const now = ctx.services.now();
    const [row] = await tx
      .insert(psychotherapyNotes)
      .values({
        practiceId: actor.practiceId,
        id,
        episodeId: input.episodeId,
        appointmentId: input.appointmentId ?? null,
        authorId: actor.userId,
        body: await ctx.services.keyring.encrypt(
          tx,
          actor.practiceId,
          input.body,
          psychotherapyPurpose(id),
          'psychotherapy',
        ),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('psychotherapy note insert returned nothing');
    await recordAudit(tx, ctx, {
      action: 'psychotherapy-note.create',
      resourceType: 'psychotherapy-note',
      resourceId: id,
      outcome: 'success',
    });
    return toPsychotherapyNoteView(tx, ctx, row);
  });
  if (failure || !view) throw failure ?? notFound('episode');
  return view;
}
