import { randomUUID } from 'node:crypto';
import { type AccessContext, performOnEpisode } from '../access';
import { assertNoteAppointment } from './note-target';
import { notes } from './tables';
import { type NoteTemplate, parseDraft, serialiseBody } from './templates';
import { bodyPurpose, type NoteView, toNoteView } from './views';

/** Starts a draft session note in an episode the therapist holds. Drafts may be incomplete. */
export async function createNote(
  ctx: AccessContext,
  input: {
    episodeId: string;
    template: NoteTemplate;
    appointmentId?: string | undefined;
    body?: unknown;
  },
): Promise<NoteView> {
  const body = parseDraft(input.template, input.body ?? {});
  return performOnEpisode(ctx, 'note.create', input.episodeId, async (tx, step) => {
    const { actor } = step;
    await assertNoteAppointment(tx, actor.practiceId, input.episodeId, input.appointmentId);
    const id = randomUUID();
    const now = ctx.services.now();
    const [row] = await tx
      .insert(notes)
      .values({
        practiceId: actor.practiceId,
        id,
        episodeId: input.episodeId,
        appointmentId: input.appointmentId ?? null,
        authorId: actor.userId,
        template: input.template,
        body: await ctx.services.keyring.encrypt(
          tx,
          actor.practiceId,
          serialiseBody(body),
          bodyPurpose(id),
        ),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('note insert returned nothing');
    step.audit({
      resourceType: 'note',
      resourceId: id,
      detail: { template: input.template },
    });
    return toNoteView(tx, ctx, row);
  });
}
