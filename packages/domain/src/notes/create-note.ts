import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { findVisibleEpisode } from '../episodes/access';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { appointmentInEpisode } from './repository';
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
  const actor = signedIn(ctx);
  const body = parseDraft(input.template, input.body ?? {});
  let failure: AppError | undefined;
  const view = await inTransaction(ctx.services.db, async (tx) => {
    const access =
      actor.role === 'therapist' ? await findVisibleEpisode(tx, actor, input.episodeId) : undefined;
    if (!access) {
      await recordAudit(tx, ctx, {
        action: 'note.create',
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
    await recordAudit(tx, ctx, {
      action: 'note.create',
      resourceType: 'note',
      resourceId: id,
      outcome: 'success',
      detail: { template: input.template },
    });
    return toNoteView(tx, ctx, row);
  });
  if (failure || !view) throw failure ?? notFound('episode');
  return view;
}
