import { randomUUID } from 'node:crypto';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { type AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { checkNoteTarget } from './note-target';
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
    failure = await checkNoteTarget(tx, ctx, actor, input, 'note.create');
    if (failure) return undefined;
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
