import { and, eq } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { notes } from '../notes/tables';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findThread } from './repository';
import { threads } from './tables';
import { type ThreadView, toThreadView } from './views';

/** Closes an open thread, optionally naming the note of the same episode that closed it. */
export async function closeThread(
  ctx: AccessContext,
  threadId: string,
  input: { noteId?: string | undefined } = {},
): Promise<ThreadView> {
  const actor = signedIn(ctx);
  let failure: AppError | undefined;
  const view = await inTransaction(ctx.services.db, async (tx) => {
    const thread = await findThread(tx, actor, threadId);
    if (!thread || thread.closedAt) {
      await recordAudit(tx, ctx, {
        action: 'thread.close',
        resourceType: 'thread',
        resourceId: threadId,
        outcome: thread ? 'failure' : 'denied',
        detail: { reason: thread ? 'closed' : 'not-found' },
      });
      failure = thread
        ? new AppError('THREAD_CLOSED', 'This thread is already closed.')
        : notFound('thread');
      return undefined;
    }
    if (input.noteId) {
      const [note] = await tx
        .select({ id: notes.id })
        .from(notes)
        .where(
          and(
            eq(notes.practiceId, thread.practiceId),
            eq(notes.episodeId, thread.episodeId),
            eq(notes.id, input.noteId),
          ),
        );
      if (!note) {
        failure = new AppError('VALIDATION_FAILED', 'That note is not in this episode.', [
          { path: 'noteId', message: 'Not a note of this episode.' },
        ]);
        return undefined;
      }
    }
    const [row] = await tx
      .update(threads)
      .set({ closedAt: ctx.services.now(), closedInNoteId: input.noteId ?? null })
      .where(and(eq(threads.practiceId, thread.practiceId), eq(threads.id, thread.id)))
      .returning();
    if (!row) throw new Error('locked thread vanished');
    await recordAudit(tx, ctx, {
      action: 'thread.close',
      resourceType: 'thread',
      resourceId: thread.id,
      outcome: 'success',
    });
    return toThreadView(tx, ctx, row);
  });
  if (failure || !view) throw failure ?? notFound('thread');
  return view;
}
