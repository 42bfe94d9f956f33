import { type BeforeThisEpisode, outcomeWords } from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import type { AccessContext } from '../access';
import type { BriefScope } from '../brief';
import { openEpisodeTitle } from '../episodes';
import { episodes } from '../episodes/tables';
import type { Executor } from '../shared/transaction';
import { acceptedRelapsePlan, collectFacts } from './facts';
import { findLatest } from './repository';
import { openSummary } from './views';

export type { BeforeThisEpisode };

/**
 * Brief section (issue 11, return): the episode before this one, when this episode is a return
 * and the previous one was held by the same therapist, read by that therapist (a supervisor's
 * consent or a designee's cover is for this episode only, so they do not see it). Starts from the
 * last ending summary, shared or not; without one, from the record and the accepted ending plan.
 * A constant number of queries, only for a returning client's episode.
 */
export async function loadBeforeThisEpisode(
  ctx: AccessContext,
  scope: BriefScope,
): Promise<BeforeThisEpisode | null> {
  if (scope.relation !== 'therapist' || !scope.previousEpisodeId) return null;
  const [current] = await scope.db
    .select({ therapistId: episodes.therapistId })
    .from(episodes)
    .where(and(eq(episodes.practiceId, scope.practiceId), eq(episodes.id, scope.episodeId)));
  const [previous] = await scope.db
    .select()
    .from(episodes)
    .where(
      and(eq(episodes.practiceId, scope.practiceId), eq(episodes.id, scope.previousEpisodeId)),
    );
  if (!current || !previous || previous.therapistId !== current.therapistId) return null;
  const saved = await findLatest(scope.db, scope.practiceId, previous.id);
  const stored = saved ? await openSummary(scope.db, ctx, saved) : null;
  const facts = stored?.facts ?? (await collectFacts(scope.db, ctx, previous));
  return {
    episodeId: previous.id,
    title: await openEpisodeTitle(scope.db, ctx.services.keyring, previous),
    openedAt: previous.openedAt,
    closedAt: previous.closedAt,
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
