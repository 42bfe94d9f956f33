import { type RelapsePrevention, relapsePreventionSchema } from '@throughline/contracts';
import type { AccessContext } from '../access';
import { readAgreementInEpisode } from '../agreements';
import type { Executor } from '../shared/transaction';

/**
 * The relapse-prevention plan of the newest ending plan both parties accepted, read through the
 * agreement primitive (kind `ending-plan`, content `{ v: 1, ...EndingPlanTerms }`); null when no
 * version was accepted by both or its plan does not read.
 */
export async function acceptedRelapsePlan(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string },
): Promise<{ plan: RelapsePrevention; acceptedAt: Date | null } | null> {
  const view = await readAgreementInEpisode(tx, ctx, episode, 'ending-plan');
  const accepted = view.versions.find(
    (v) => v.parties.length > 0 && v.parties.every((p) => p.response === 'accepted'),
  );
  if (!accepted) return null;
  const parsed = relapsePreventionSchema.safeParse(accepted.content.relapsePrevention ?? {});
  if (!parsed.success) return null;
  const times = accepted.parties
    .map((p) => p.respondedAt?.getTime())
    .filter((t): t is number => t !== undefined);
  return {
    plan: parsed.data,
    acceptedAt: times.length > 0 ? new Date(Math.max(...times)) : null,
  };
}
