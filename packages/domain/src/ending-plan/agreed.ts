import type { EndingPlanTerms } from '@throughline/contracts';
import { type AccessContext, signedIn } from '../access';
import { readAgreementInEpisode } from '../agreements';
import { applyTaperInTx, type TaperOutcome } from '../appointments';
import { recordAudit } from '../audit';
import { movePhaseInTx } from '../episodes';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { acceptedAt, agreedVersion, readTerms } from './terms';

export type AgreedEndingPlan = {
  version: number;
  terms: EndingPlanTerms;
  /** When the second party accepted it. */
  acceptedAt: Date;
};

type EpisodeRef = { practiceId: string; id: string; therapistId: string };

/**
 * The ending plan both parties agreed (the newest version both accepted) with its terms, or
 * undefined: for other modules (the ending summary, the continuity kit, check-ins) inside their
 * own transaction, once they have admitted the caller to the episode (they audit their own step).
 */
export async function readAgreedEndingPlan(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string },
): Promise<AgreedEndingPlan | undefined> {
  const view = await readAgreementInEpisode(tx, ctx, episode, 'ending-plan');
  const agreed = agreedVersion(view);
  const at = agreed ? acceptedAt(agreed) : null;
  if (!agreed || !at) return undefined;
  return { version: agreed.version, terms: readTerms(agreed), acceptedAt: at };
}

/**
 * The two-party rule of a move to `ending` (ETHICS.md: ending is never a status flip; APA 10.10
 * (c)): refused with 409 `ENDING_PLAN_NOT_AGREED` unless both parties accepted the same version of
 * the ending plan; when they have, the future sessions are rewritten to follow its taper.
 * Called by `movePhaseInTx` for every move to `ending`, inside its transaction.
 */
export async function enterEndingInTx(
  tx: Executor,
  ctx: AccessContext,
  episode: EpisodeRef,
): Promise<TaperOutcome> {
  const plan = await readAgreedEndingPlan(tx, ctx, episode);
  if (!plan)
    throw new AppError(
      'ENDING_PLAN_NOT_AGREED',
      'An episode moves to ending only when you and the client have both accepted the same ending plan. Propose an ending plan (last session, taper, check-ins) from the episode page; the episode moves to ending when the client accepts it.',
    );
  return applyTaperInTx(tx, ctx, episode, {
    lastSessionOn: plan.terms.lastSessionOn,
    steps: plan.terms.taper,
  });
}

/**
 * The second party has just accepted `version`: an active episode moves to `ending` (a recorded
 * phase change, audited); an episode already ending follows the new version's taper. Returns the
 * phase it moved to, or null.
 */
export async function agreeInTx(
  tx: Executor,
  ctx: AccessContext,
  access: {
    episode: EpisodeRef & {
      phase: 'intake' | 'active' | 'ending' | 'aftercare' | 'closed';
      clientId: string;
    };
  },
  version: number,
): Promise<'ending' | null> {
  const { episode } = access;
  if (episode.phase === 'ending') {
    await enterEndingInTx(tx, ctx, episode);
    return null;
  }
  if (episode.phase !== 'active') return null;
  const moved = await movePhaseInTx(tx, ctx, episode, {
    to: 'ending',
    reason: `Ending plan version ${version} agreed by both.`,
    by: signedIn(ctx).userId,
  });
  await recordAudit(tx, ctx, {
    action: 'episode.phase.change',
    resourceType: 'episode',
    resourceId: episode.id,
    outcome: 'success',
    subjectClientId: episode.clientId,
    detail: { from: moved.from, to: moved.to, via: 'ending-plan', version },
  });
  return 'ending';
}
