import { randomUUID } from 'node:crypto';
import { type AccessContext, performOnEpisode, type SignedIn } from '../access';
import type { Executor } from '../shared/transaction';
import { assertNoteAppointment } from './note-target';
import { notes } from './tables';
import { type NoteTemplate, parseDraft, serialiseBody } from './templates';
import { bodyPurpose, type NoteView, toNoteView } from './views';

export type NewDraft = {
  episodeId: string;
  template: NoteTemplate;
  appointmentId?: string | undefined;
  body?: unknown;
};

/**
 * Inserts a draft in the caller's transaction, once the kernel has admitted the caller to the
 * episode (and the phase): `createNote`, and the session page's "Write the note".
 */
export async function insertDraftNote(
  tx: Executor,
  ctx: AccessContext,
  actor: SignedIn,
  input: NewDraft,
): Promise<NoteView> {
  const body = parseDraft(input.template, input.body ?? {});
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
  return toNoteView(tx, ctx, row);
}

/** Starts a draft session note in an episode the therapist holds. Drafts may be incomplete. */
export async function createNote(ctx: AccessContext, input: NewDraft): Promise<NoteView> {
  // Checked before the transaction: a malformed body is a 400 without an audit event.
  parseDraft(input.template, input.body ?? {});
  return performOnEpisode(ctx, 'note.create', input.episodeId, async (tx, step) => {
    const view = await insertDraftNote(tx, ctx, step.actor, input);
    step.audit({
      resourceType: 'note',
      resourceId: view.id,
      detail: { template: input.template },
    });
    return view;
  });
}
