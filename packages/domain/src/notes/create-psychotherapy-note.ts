import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { findVisibleEpisode } from '../episodes/access';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { type PsychotherapyNoteView, toPsychotherapyNoteView } from './psychotherapy-views';
import { appointmentInEpisode } from './repository';
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
    const access =
      actor.role === 'therapist' ? await findVisibleEpisode(tx, actor, input.episodeId) : undefined;
    if (!access) {
      await recordAudit(tx, ctx, {
        action: 'psychotherapy-note.create',
        resourceType: 'episode',
        resourceId: input.episodeId,
        outcome: 'denied',
      });
      failure = notFound('episode');
      return undefined;
    }
    if (
      input.appointmentId &&
      !(await appointmentInEpisode(tx, actor.practiceId, input.episodeId, input.appointmentId))
    ) {
      failure = new AppError('VALIDATION_FAILED', 'That appointment is not in this episode.', [
        { path: 'appointmentId', message: 'Not an appointment of this episode.' },
      ]);
      return undefined;
    }
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
