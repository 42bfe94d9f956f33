import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../access';
import { cancelFutureCheckIns, scheduleCheckInsInTx } from '../aftercare';
import { enterEndingInTx } from '../ending-plan';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { closingRefusal } from './ending-rule';
import { findEndingRow } from './endings-repository';
import { type Phase, phaseChangeRefusal } from './phases';
import { setPhaseIfStill } from './repository';
import { episodePhaseChanges } from './tables';
import { phaseReasonPurpose } from './views';

export type PhaseMove = {
  to: Phase;
  /** Why, in the words of the person moving it (encrypted). */
  reason: string;
  /** The user who moved it (the therapist, or the party whose acceptance moved it). */
  by: string;
};

export type PhaseMoved = { from: Phase; to: Phase; changeId: string };

/**
 * Moves an episode to another phase inside the caller's transaction, for a use-case that has
 * already admitted the caller to the episode and audits its own step: the bare phase change
 * (`changeEpisodePhase`) and the ending plan's acceptance by the second party both come here, so
 * every rule and consequence of a move runs for both. Refused with 409 (nothing written): a move
 * the phase machine does not allow, a move to `ending` without an ending plan both parties
 * accepted (`ENDING_PLAN_NOT_AGREED`), a move to `aftercare` or `closed` before an ending is
 * recorded (`EPISODE_ENDING_REQUIRED`, `ending-rule.ts`), or an episode that changed phase
 * meanwhile.
 */
export async function movePhaseInTx(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string; therapistId: string; clientId: string; phase: Phase },
  move: PhaseMove,
): Promise<PhaseMoved> {
  const now = ctx.services.now();
  const refusal = phaseChangeRefusal(episode.phase, move.to);
  if (refusal)
    throw new AppError('EPISODE_PHASE_INVALID', refusal, [{ path: 'to', message: refusal }]);
  // Ending is agreed by both, never a status flip (ETHICS.md; APA 10.10 (c)): the rule and the
  // taper of the future sessions belong to the ending plan.
  if (move.to === 'ending') await enterEndingInTx(tx, ctx, episode);
  // Leaving therapy is recorded with its kind and reason, never a silent flip (APA 10.10).
  const ending = await findEndingRow(tx, episode.practiceId, episode.id);
  const closing = closingRefusal(move.to, ending ? { kind: ending.kind } : undefined);
  if (closing)
    throw new AppError('EPISODE_ENDING_REQUIRED', closing, [{ path: 'to', message: closing }]);
  const closedAt = move.to === 'closed' ? now : null;
  if (!(await setPhaseIfStill(tx, episode, move.to, closedAt))) {
    throw new AppError(
      'EPISODE_PHASE_INVALID',
      'The episode changed phase while you were changing it. Reload it and try again.',
    );
  }
  const changeId = randomUUID();
  await tx.insert(episodePhaseChanges).values({
    practiceId: episode.practiceId,
    id: changeId,
    episodeId: episode.id,
    fromPhase: episode.phase,
    toPhase: move.to,
    changedBy: move.by,
    changedAt: now,
    reason: await ctx.services.keyring.encrypt(
      tx,
      episode.practiceId,
      move.reason,
      phaseReasonPurpose(changeId),
    ),
  });
  // After the ending: the check-ins the agreed plan names; closing ends those still to come.
  if (move.to === 'aftercare') await scheduleCheckInsInTx(tx, ctx, episode);
  if (move.to === 'closed')
    await cancelFutureCheckIns(tx, episode.practiceId, { episodeId: episode.id }, now);
  return { from: episode.phase, to: move.to, changeId };
}
