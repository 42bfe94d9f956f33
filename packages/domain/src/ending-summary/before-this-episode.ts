import { type BeforeThisEpisode, outcomeWords } from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import type { AccessContext } from '../access';
import type { BriefScope } from '../brief';
import { admittedEpisodeSql, type EpisodeHeadRow, openEpisodeTitle } from '../episodes';
import { fromPg } from '../shared/local-time';
import { acceptedRelapsePlan, collectFacts } from './facts';
import { findLatest } from './repository';
import { openSummary } from './views';

export type { BeforeThisEpisode };

/**
 * Brief section (issue 11, return): the episode before this one, when this episode is a return
 * and the previous one was held by the same therapist, read by that therapist (a supervisor's
 * consent or a designee's cover is for this episode only, so they do not see it). Starts from the
 * last ending summary, shared or not, with the record's facts as they stand; the plan is the
 * summary's, else the accepted ending plan's.
 * A constant number of queries, only for a returning client's episode.
 */
export async function loadBeforeThisEpisode(
  ctx: AccessContext,
  scope: BriefScope,
): Promise<BeforeThisEpisode | null> {
  if (scope.relation !== 'therapist' || !scope.previousEpisodeId) return null;
  const heads = await scope.db.execute<EpisodeHeadRow>(sql`
    ${admittedEpisodeSql(scope.practiceId, scope.episodeId)}
    UNION ALL ${admittedEpisodeSql(scope.practiceId, scope.previousEpisodeId)}`);
  const current = heads.rows.find((r) => r.id === scope.episodeId);
  const head = heads.rows.find((r) => r.id === scope.previousEpisodeId);
  if (!current || !head || head.therapist_id !== current.therapist_id) return null;
  const previous = {
    practiceId: head.practice_id,
    id: head.id,
    phase: head.phase,
    title: head.title,
    openedAt: fromPg(head.opened_at),
  };
  const saved = await findLatest(scope.db, scope.practiceId, previous.id);
  const stored = saved ? await openSummary(scope.db, ctx, saved) : null;
  // The record now, not the summary's snapshot: a closed episode's outcome is final, and scores
  // keyed in after the summary was saved count.
  const facts = await collectFacts(scope.db, ctx, previous);
  return {
    episodeId: previous.id,
    title: await openEpisodeTitle(scope.db, ctx.services.keyring, previous),
    openedAt: previous.openedAt,
    summary:
      saved && stored
        ? {
            version: saved.version,
            savedAt: saved.savedAt,
            sharedAt: saved.sharedAt,
            progress: stored.words.progress,
            whatHelped: stored.words.whatHelped,
            howToReturn: stored.words.howToReturn,
          }
        : null,
    relapsePrevention:
      stored?.words.relapsePrevention ?? (await acceptedRelapsePlan(scope.db, ctx, previous)),
    facts,
    outcome: outcomeWords(facts.outcome),
  };
}
