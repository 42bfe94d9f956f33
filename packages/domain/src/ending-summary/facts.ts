import { findInstrument, gasClientWords } from '@throughline/clinical';
import {
  type EndingSummaryFacts,
  type RelapsePrevention,
  relapsePreventionSchema,
} from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { AccessContext } from '../access';
import { readAgreementInEpisode } from '../agreements';
import { attendedSessionsSql } from '../appointments';
import { therapistGoalViews } from '../goals';
import { practiceTimeZoneSql } from '../identity';
import { computeOutcome, firstAndLastScores } from '../measures';
import type { Executor } from '../shared/transaction';

export type EpisodeRef = {
  practiceId: string;
  id: string;
  phase: string;
  openedAt: Date;
};

const day = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).toISODate() ?? at.toISOString().slice(0, 10);

/**
 * What the record says about an episode, for its ending summary and the brief of a return: the
 * dates, the attended sessions, the goals with how far they were met (the latest GAS review, in
 * plain words), the first and last score of each validated questionnaire with its change category,
 * and the episode outcome (CLINICAL.md §2–3, computed by the measures module, not restated here).
 * Runs inside the caller's transaction, for an episode the kernel admitted it to.
 */
export async function collectFacts(
  tx: Executor,
  ctx: AccessContext,
  episode: EpisodeRef,
): Promise<EndingSummaryFacts> {
  const now = ctx.services.now();
  const sessions = await tx.execute<{ n: number; last_at: string | null; zone: string }>(sql`
    SELECT count(*)::int AS n, max(starts_at) AS last_at,
      ${practiceTimeZoneSql(episode.practiceId)} AS zone FROM (${attendedSessionsSql({
        practiceId: episode.practiceId,
        episodeId: episode.id,
        bound: 'all',
        kind: 'any',
      })}) attended`);
  const head = sessions.rows[0];
  const zone = head?.zone ?? 'UTC';
  const goals = await therapistGoalViews(tx, ctx, episode.practiceId, episode.id);
  const scores = await firstAndLastScores(tx, episode, now);
  const outcome = await computeOutcome(tx, episode);
  return {
    startedOn: day(episode.openedAt, zone),
    lastSessionOn: head?.last_at ? day(new Date(head.last_at), zone) : null,
    attendedSessions: head?.n ?? 0,
    goals: goals
      .filter((g) => g.status !== 'discontinued')
      .map((g) => ({
        goalId: g.id,
        clientWords: g.clientWords,
        status: g.status,
        attainment: g.latestReview
          ? {
              level: g.latestReview.level,
              words: gasClientWords(g.latestReview.level) ?? '',
              reviewedAt: g.latestReview.reviewedAt,
            }
          : null,
        clientRating: g.latestClientRating
          ? {
              level: g.latestClientRating.level,
              words: gasClientWords(g.latestClientRating.level) ?? '',
              comment: g.latestClientRating.comment,
              ratedAt: g.latestClientRating.ratedAt,
            }
          : null,
      })),
    // Session feedback and other unvalidated forms watch the alliance; they are not outcomes.
    scores: scores.filter((s) => findInstrument(s.instrument)?.validated === true),
    outcome: {
      eligible: outcome.eligible,
      provisional: outcome.provisional,
      recovered: outcome.recovered,
      reliableImprovement: outcome.reliableImprovement,
      reliableDeterioration: outcome.reliableDeterioration,
      reliableRecovery: outcome.reliableRecovery,
    },
    asOf: now,
  };
}

/**
 * The relapse-prevention plan of the latest ending-plan version both parties accepted (a version
 * superseded by a proposal nobody accepted yet still counts), or null without one.
 */
export async function acceptedRelapsePlan(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string },
): Promise<RelapsePrevention | null> {
  const plan = await readAgreementInEpisode(tx, ctx, episode, 'ending-plan');
  const accepted = plan.versions.find(
    (v) => v.parties.length > 0 && v.parties.every((p) => p.response === 'accepted'),
  );
  if (!accepted) return null;
  const parsed = relapsePreventionSchema.safeParse(accepted.content.relapsePrevention);
  return parsed.success ? parsed.data : null;
}
