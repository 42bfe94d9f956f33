import { randomUUID } from 'node:crypto';
import { type AccessContext, HIDDEN, performOnEpisode } from '../access';
import { cancelFutureCheckIns, scheduleCheckInsInTx } from '../aftercare';
import { AppError } from '../shared/errors';
import { readDetail } from './get-episode';
import { type Phase, phaseChangeRefusal } from './phases';
import { findById, updatePhase } from './repository';
import { episodePhaseChanges } from './tables';
import { type EpisodeDetail, phaseReasonPurpose } from './views';

/**
 * Moves an episode to its next phase, recording who, when and why. Only the moves in `phases.ts`
 * are allowed; anything else is refused (409) and nothing is written. Closing sets `closedAt`.
 * Only the episode's therapist may do this; anyone else gets 404.
 */
export async function changeEpisodePhase(
  ctx: AccessContext,
  episodeId: string,
  input: { to: Phase; reason: string },
): Promise<EpisodeDetail> {
  const now = ctx.services.now();
  // Which moves are allowed is the phase machine's (contracts); who may move is the kernel's.
  return performOnEpisode(ctx, 'episode.phase.change', episodeId, async (tx, step) => {
    const { actor } = step;
    const row = await findById(tx, actor, episodeId);
    if (!row) return HIDDEN;
    const refusal = phaseChangeRefusal(row.phase, input.to);
    if (refusal)
      throw new AppError('EPISODE_PHASE_INVALID', refusal, [{ path: 'to', message: refusal }]);
    const closedAt = input.to === 'closed' ? now : null;
    if (!(await updatePhase(tx, actor, episodeId, row.phase, input.to, closedAt))) {
      throw new AppError(
        'EPISODE_PHASE_INVALID',
        'The episode changed phase while you were changing it. Reload it and try again.',
      );
    }
    const changeId = randomUUID();
    await tx.insert(episodePhaseChanges).values({
      practiceId: actor.practiceId,
      id: changeId,
      episodeId,
      fromPhase: row.phase,
      toPhase: input.to,
      changedBy: actor.userId,
      changedAt: now,
      reason: await ctx.services.keyring.encrypt(
        tx,
        actor.practiceId,
        input.reason,
        phaseReasonPurpose(changeId),
      ),
    });
    // After the ending: the check-ins the plan names (issue 11); closing ends those still to come.
    if (input.to === 'aftercare') await scheduleCheckInsInTx(tx, ctx, row);
    if (input.to === 'closed') await cancelFutureCheckIns(tx, actor.practiceId, { episodeId }, now);
    step.audit({ detail: { from: row.phase, to: input.to } });
    const updated = await findById(tx, actor, episodeId);
    if (!updated) throw new Error('episode vanished during its phase change');
    return readDetail(tx, ctx.services.keyring, updated, false);
  });
}
