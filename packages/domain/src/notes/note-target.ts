import type { AccessContext, SignedIn } from '../access';
import { recordAudit } from '../audit';
import { findVisibleEpisode } from '../episodes';
import { AppError, notFound } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { appointmentInEpisode } from './repository';

/**
 * Checks where a therapist is about to write a note: an episode of theirs (otherwise audited as
 * denied, answered 404) and, if named, an appointment of that episode. Returns the error to throw
 * once the transaction has committed (so a denied attempt stays in the audit log).
 */
export async function checkNoteTarget(
  tx: Executor,
  ctx: AccessContext,
  actor: SignedIn,
  input: { episodeId: string; appointmentId?: string | undefined },
  action: string,
): Promise<AppError | undefined> {
  const access =
    actor.role === 'therapist' ? await findVisibleEpisode(tx, actor, input.episodeId) : undefined;
  if (!access) {
    await recordAudit(tx, ctx, {
      action,
      resourceType: 'episode',
      resourceId: input.episodeId,
      outcome: 'denied',
    });
    return notFound('episode');
  }
  if (
    input.appointmentId &&
    !(await appointmentInEpisode(tx, actor.practiceId, input.episodeId, input.appointmentId))
  ) {
    return new AppError('VALIDATION_FAILED', 'That appointment is not in this episode.', [
      { path: 'appointmentId', message: 'Not an appointment of this episode.' },
    ]);
  }
  return undefined;
}
