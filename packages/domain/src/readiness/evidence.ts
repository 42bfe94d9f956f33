import { suggestReadinessReview } from '@throughline/clinical';
import type { ReadinessEvidence, ReadinessSuggestion } from '@throughline/contracts';
import type { AccessContext } from '../access';
import { countAttendedSessions } from '../appointments';
import { listHomeworkSince, listOpenThreads } from '../carry-forward';
import type { EpisodeRow } from '../episodes';
import { clientGoalViews, therapistGoalViews } from '../goals';
import { loadReadinessMeasures } from '../measures';
import type { Executor } from '../shared/transaction';

type Gathered = { evidence: ReadinessEvidence; suggestion: ReadinessSuggestion | null };

/**
 * The evidence of the readiness review, each part read by the module that owns it (goals,
 * measures, carry-forward, appointments) in the caller's transaction. The therapist sees all of
 * it with the suggestion rule's answer (packages/clinical); the client sees the goals as shared
 * with them, their sessions and their homework — the scores are the therapist's to interpret
 * with them (progress sharing shows them in plain words).
 */
export async function gatherEvidence(
  tx: Executor,
  ctx: AccessContext,
  episode: EpisodeRow,
  forTherapist: boolean,
): Promise<Gathered> {
  const { practiceId, id: episodeId } = episode;
  const keyring = ctx.services.keyring;
  const sessionsAttended = await countAttendedSessions(tx, {
    practiceId,
    episodeId,
    bound: 'all',
    kind: 'any',
  });
  const work = await listHomeworkSince(tx, keyring, { practiceId, episodeId, since: null });
  const homework = {
    assigned: work.filter((h) => h.status === 'assigned').length,
    done: work.filter((h) => h.status === 'done').length,
    items: work.map((h) => ({ id: h.id, title: h.title, status: h.status })),
  };
  if (!forTherapist) {
    const goals = await clientGoalViews(tx, ctx, practiceId, episodeId);
    return {
      evidence: {
        sessionsAttended,
        goals: goals.map((g) => ({
          id: g.id,
          words: g.clientWords,
          latestLevel: null,
          reviewedAt: null,
          clientRating: g.latestRating?.level ?? null,
        })),
        measures: null,
        outcome: null,
        notOnTrack: null,
        alliance: null,
        openThreads: null,
        homework,
      },
      suggestion: null,
    };
  }
  const goals = await therapistGoalViews(tx, ctx, practiceId, episodeId);
  const { series, ...measures } = await loadReadinessMeasures(tx, episode);
  const threads = await listOpenThreads(tx, keyring, { practiceId, episodeId });
  const rule = suggestReadinessReview({
    goals: goals.map((g) => ({ status: g.status, latestLevel: g.latestReview?.level ?? null })),
    series,
  });
  return {
    evidence: {
      sessionsAttended,
      goals: goals
        .filter((g) => g.status !== 'discontinued')
        .map((g) => ({
          id: g.id,
          words: g.clientWords,
          latestLevel: g.latestReview?.level ?? null,
          reviewedAt: g.latestReview?.reviewedAt ?? null,
          clientRating: g.latestClientRating?.level ?? null,
        })),
      ...measures,
      openThreads: threads.map((t) => ({ id: t.id, title: t.title })),
      homework,
    },
    suggestion: {
      suggested: rule.suggested,
      reasons: rule.reasons.map((r) => ({ kind: r.kind, detail: r.detail })),
      rule: rule.rule,
      version: rule.version,
    },
  };
}
