import { BELOW_CUTOFF_SESSIONS, suggestReadinessReview } from '@throughline/clinical';
import type { ReadinessSuggestion } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { BriefScope } from '../brief';
import { loadGoalLevels } from '../goals';
import { loadLatestTotals } from '../measures';

/**
 * Brief section (issue 11): a line suggesting a readiness review when the rule in
 * packages/clinical fires (every goal at GAS ≥ 0, or scores below the cut-off for the last
 * several times); absent otherwise, and in an episode already ending or ended. Two queries, no
 * decryption. Goals count only for a reader the goals part is shared with (a supervisor).
 */
export async function loadBriefReadiness(
  _ctx: AccessContext,
  scope: BriefScope,
): Promise<ReadinessSuggestion | null> {
  if (scope.phase !== 'intake' && scope.phase !== 'active') return null;
  const goals = scope.reads('goals')
    ? await loadGoalLevels(scope.db, scope.practiceId, scope.episodeId)
    : [];
  const series = await loadLatestTotals(scope.db, {
    practiceId: scope.practiceId,
    episodeId: scope.episodeId,
    upTo: scope.reference,
    n: BELOW_CUTOFF_SESSIONS,
  });
  const rule = suggestReadinessReview({ goals, series });
  if (!rule.suggested) return null;
  return {
    suggested: true,
    reasons: rule.reasons.map((r) => ({ kind: r.kind, detail: r.detail })),
    rule: rule.rule,
    version: rule.version,
  };
}
