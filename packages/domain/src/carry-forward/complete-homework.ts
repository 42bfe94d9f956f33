import { HOMEWORK_COMMENT_MAX } from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import { type AccessContext, clientOfEpisode, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findClientHomework } from './repository';
import { homework } from './tables';
import { type HomeworkView, homeworkPurpose, toHomeworkView } from './views';

export { HOMEWORK_COMMENT_MAX };

/** The client marks their homework done, optionally saying how it went in their own words. */
export async function completeHomework(
  ctx: AccessContext,
  homeworkId: string,
  input: { comment?: string | undefined } = {},
): Promise<HomeworkView> {
  const actor = signedIn(ctx);
  const comment = input.comment?.trim() || undefined;
  if (comment && comment.length > HOMEWORK_COMMENT_MAX) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Keep the comment under ${HOMEWORK_COMMENT_MAX} characters.`,
      [{ path: 'comment', message: `At most ${HOMEWORK_COMMENT_MAX} characters.` }],
    );
  }
  let failure: AppError | undefined;
  const view = await inTransaction(ctx.services.db, async (tx) => {
    const row = await findClientHomework(tx, actor, homeworkId);
    if (!row || row.status === 'done') {
      await recordAudit(tx, ctx, {
        action: 'homework.complete',
        resourceType: 'homework',
        resourceId: homeworkId,
        outcome: row ? 'failure' : 'denied',
        detail: { reason: row ? 'done' : 'not-found' },
      });
      failure = row
        ? new AppError('HOMEWORK_DONE', 'You have already marked this homework as done.')
        : notFound('homework');
      return undefined;
    }
    const [updated] = await tx
      .update(homework)
      .set({
        status: 'done',
        completedAt: ctx.services.now(),
        clientComment: comment
          ? await ctx.services.keyring.encrypt(
              tx,
              row.practiceId,
              comment,
              homeworkPurpose(row.id, 'comment'),
            )
          : null,
      })
      .where(and(eq(homework.practiceId, row.practiceId), eq(homework.id, row.id)))
      .returning();
    if (!updated) throw new Error('locked homework vanished');
    await recordAudit(tx, ctx, {
      action: 'homework.complete',
      resourceType: 'homework',
      resourceId: row.id,
      outcome: 'success',
      // The client's own change, listed in their access report as "You".
      subjectClientId: (await clientOfEpisode(tx, actor.practiceId, row.episodeId)) ?? null,
      detail: { withComment: Boolean(comment) },
    });
    return toHomeworkView(tx, ctx, { ...updated, attachment: null });
  });
  if (failure || !view) throw failure ?? notFound('homework');
  return view;
}
