import { randomUUID } from 'node:crypto';
import type { Services, SignedIn } from '../access';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { closingRefusal } from './ending-rule';
import { findEndingRow } from './endings-repository';
import { type Phase, phaseChangeRefusal } from './phases';
import { updatePhase } from './repository';
import { episodePhaseChanges } from './tables';
import { phaseReasonPurpose } from './views';

/**
 * The one way an episode changes phase, inside the caller's transaction: the phase machine
 * (contracts), the ending rule (`closed` needs a recorded ending), the compare-and-set and the
 * recorded change with its encrypted reason. Every path that moves a phase calls this, so a rule
 * or hook added here runs for all of them.
 */
export async function movePhaseInTx(
  tx: Executor,
  services: Services,
  actor: SignedIn,
  episode: { id: string; phase: Phase },
  to: Phase,
  reason: string,
): Promise<void> {
  const now = services.now();
  const refusal = phaseChangeRefusal(episode.phase, to);
  if (refusal)
    throw new AppError('EPISODE_PHASE_INVALID', refusal, [{ path: 'to', message: refusal }]);
  const ending = await findEndingRow(tx, actor.practiceId, episode.id);
  const closing = closingRefusal(to, ending ? { kind: ending.kind } : undefined);
  if (closing)
    throw new AppError('EPISODE_ENDING_REQUIRED', closing, [{ path: 'to', message: closing }]);
  const closedAt = to === 'closed' ? now : null;
  if (!(await updatePhase(tx, actor.practiceId, episode.id, episode.phase, to, closedAt))) {
    throw new AppError(
      'EPISODE_PHASE_INVALID',
      'The episode changed phase while you were changing it. Reload it and try again.',
    );
  }
  const changeId = randomUUID();
  await tx.insert(episodePhaseChanges).values({
    practiceId: actor.practiceId,
    id: changeId,
    episodeId: episode.id,
    fromPhase: episode.phase,
    toPhase: to,
    changedBy: actor.userId,
    changedAt: now,
    reason: await services.keyring.encrypt(
      tx,
      actor.practiceId,
      reason,
      phaseReasonPurpose(changeId),
    ),
  });
}
