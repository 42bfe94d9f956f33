import { type AccessContext, HIDDEN, performOnEpisode } from '../access';
import { readDetail } from './get-episode';
import { movePhaseInTx } from './move-phase';
import type { Phase } from './phases';
import { findById } from './repository';
import type { EpisodeDetail } from './views';

/**
 * Moves an episode to its next phase, recording who, when and why. Only the moves in `phases.ts`
 * are allowed, and `closed` only once an ending is recorded (`ending-rule.ts`); anything else is
 * refused (409) and nothing is written. Closing sets `closedAt`. Only the episode's therapist may
 * do this; anyone else gets 404.
 */
export async function changeEpisodePhase(
  ctx: AccessContext,
  episodeId: string,
  input: { to: Phase; reason: string },
): Promise<EpisodeDetail> {
  // Which moves are allowed is the phase machine's (contracts); who may move is the kernel's.
  return performOnEpisode(ctx, 'episode.phase.change', episodeId, async (tx, step) => {
    const { actor } = step;
    const row = await findById(tx, actor, episodeId);
    if (!row) return HIDDEN;
    await movePhaseInTx(tx, ctx.services, actor, row, input.to, input.reason);
    step.audit({ detail: { from: row.phase, to: input.to } });
    const updated = await findById(tx, actor, episodeId);
    if (!updated) throw new Error('episode vanished during its phase change');
    return readDetail(tx, ctx.services.keyring, updated, false);
  });
}
