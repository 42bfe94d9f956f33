import { findInstrument } from '@throughline/clinical';
import type { ProgressSharingState } from '@throughline/contracts';
import { type AccessContext, performOnEpisode } from '../access';
import { activeShares, sharingOf } from './progress-shares';
import { listByEpisode } from './repository';

export type ProgressSharingStateView = ProgressSharingState;

/**
 * Whether the episode's progress is shared with the client, since when, and what sharing can show
 * (the validated questionnaires with a score: the portal summarises only those). The episode page
 * shows this in words and offers the one action that changes it. Therapist of the episode only.
 */
export async function readProgressSharing(
  ctx: AccessContext,
  episodeId: string,
): Promise<ProgressSharingStateView> {
  return performOnEpisode(ctx, 'progress.sharing.read', episodeId, async (tx, step) => {
    const { practiceId } = step.actor;
    const shares = await activeShares(tx, practiceId, [episodeId]);
    const rows = await listByEpisode(tx, practiceId, episodeId);
    const withScores = [...new Set(rows.map((r) => r.instrument))].filter(
      (key) => findInstrument(key)?.validated === true,
    );
    const shared = sharingOf(shares);
    step.audit({
      resourceType: 'episode',
      resourceId: episodeId,
      detail: { shared: shared !== null },
    });
    return {
      episodeId,
      shared,
      // Shares are ordered oldest first: sharing began with the earliest one still in force.
      since: shares[0]?.sharedAt ?? null,
      instrumentsWithScores: withScores,
    };
  });
}
