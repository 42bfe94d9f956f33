import { randomUUID } from 'node:crypto';
import { type AccessContext, performOnEpisode } from '../access';
import type { Executor } from '../shared/transaction';
import { assertNoteAppointment } from './note-target';
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
  /** A further check of the input, run once the episode is known to be the caller's. */
  check?: (tx: Executor, practiceId: string) => Promise<void>,
): Promise<PsychotherapyNoteView> {
  return performOnEpisode(ctx, 'psychotherapy-note.create', input.episodeId, async (tx, step) => {
    const { actor } = step;
    await assertNoteAppointment(tx, actor.practiceId, input.episodeId, input.appointmentId);
    await check?.(tx, actor.practiceId);
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
    step.audit({
      resourceType: 'psychotherapy-note',
      resourceId: id,
    });
    return toPsychotherapyNoteView(tx, ctx, row);
  });
}
