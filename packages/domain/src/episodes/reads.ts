import { and, eq, type SQL, sql } from 'drizzle-orm';
import { episodesCoveredBy, episodesVisibleTo, type SignedIn } from '../access';
import { type EventBranch, type Fragment, fragment } from '../shared/fragment';
import type { Phase } from './phases';
import { episodePhaseChanges, episodes } from './tables';
import { episodeTitlePurpose } from './views';

/**
 * The episodes module's reads for other modules' read models (brief, timeline, caseload): the
 * episodes table is named only here and in the module's own files (module ownership, issue 8).
 */

/** An episode's head as a raw query returns it; `title` is sealed (`episodeTitlePurpose`). */
export type EpisodeHeadRow = {
  practice_id: string;
  id: string;
  client_id: string;
  therapist_id: string;
  phase: Phase;
  title: string;
  opened_at: string;
  previous_episode_id: string | null;
};

/**
 * The episodes the actor may see (all of them, or narrowed to one episode, one client's episodes, or those not
 * closed) — for a CTE (`WITH ep AS (...)`) that the rest of a read model joins on
 * (`practice_id`, `id`). A read model that starts from it returns nothing for an episode the
 * actor may not see.
 */
export function visibleEpisodesSql(
  actor: SignedIn,
  which: { episodeId: string } | { clientId: string } | { notClosed: true } | 'all',
): Fragment<EpisodeHeadRow> {
  const narrow: SQL =
    which === 'all'
      ? sql`true`
      : 'episodeId' in which
        ? eq(episodes.id, which.episodeId)
        : 'clientId' in which
          ? eq(episodes.clientId, which.clientId)
          : sql`${episodes.phase} <> 'closed'`;
  return fragment(sql`SELECT ${episodes.practiceId} AS practice_id, ${episodes.id} AS id,
      ${episodes.clientId} AS client_id, ${episodes.therapistId} AS therapist_id,
      ${episodes.phase} AS phase, ${episodes.title} AS title,
      ${episodes.openedAt} AS opened_at, ${episodes.previousEpisodeId} AS previous_episode_id
    FROM ${episodes} WHERE ${and(episodesVisibleTo(actor), narrow)}`);
}

/**
 * The episodes, not closed, that the actor covers at `at` as a designee (the kernel's rule,
 * `episodesCoveredBy`): the same shape as `visibleEpisodesSql`, for the designee's caseload.
 */
export function coveredEpisodesSql(actor: SignedIn, at: Date): Fragment<EpisodeHeadRow> {
  return fragment(sql`SELECT ${episodes.practiceId} AS practice_id, ${episodes.id} AS id,
      ${episodes.clientId} AS client_id, ${episodes.therapistId} AS therapist_id,
      ${episodes.phase} AS phase, ${episodes.title} AS title,
      ${episodes.openedAt} AS opened_at, ${episodes.previousEpisodeId} AS previous_episode_id
    FROM ${episodes} WHERE ${and(episodesCoveredBy(actor, at), sql`${episodes.phase} <> 'closed'`)}`);
}

/**
 * One episode's head by id, for a read model whose caller the kernel has already admitted to
 * this episode (`performOnEpisode`: a party, a consented supervisor, a designee covering): the
 * same shape as `visibleEpisodesSql`.
 */
export function admittedEpisodeSql(
  practiceId: string,
  episodeId: string,
): Fragment<EpisodeHeadRow> {
  return fragment(sql`SELECT ${episodes.practiceId} AS practice_id, ${episodes.id} AS id,
      ${episodes.clientId} AS client_id, ${episodes.therapistId} AS therapist_id,
      ${episodes.phase} AS phase, ${episodes.title} AS title,
      ${episodes.openedAt} AS opened_at, ${episodes.previousEpisodeId} AS previous_episode_id
    FROM ${episodes} WHERE ${and(eq(episodes.practiceId, practiceId), eq(episodes.id, episodeId))}`);
}

/**
 * The heads of the practice's episodes (all of them): only for a caller whose access to the
 * records that name them was decided already (cover arrangements name their episodes).
 */
export function practiceEpisodesSql(practiceId: string): Fragment<EpisodeHeadRow> {
  return fragment(sql`SELECT ${episodes.practiceId} AS practice_id, ${episodes.id} AS id,
      ${episodes.clientId} AS client_id, ${episodes.therapistId} AS therapist_id,
      ${episodes.phase} AS phase, ${episodes.title} AS title,
      ${episodes.openedAt} AS opened_at, ${episodes.previousEpisodeId} AS previous_episode_id
    FROM ${episodes} WHERE ${eq(episodes.practiceId, practiceId)}`);
}

/** Whether the actor may see any episode of this client, as a boolean SQL expression. */
export function seesAnyEpisodeOfSql(actor: SignedIn, clientId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${episodes} WHERE ${and(episodesVisibleTo(actor), eq(episodes.clientId, clientId))})`;
}

/**
 * Timeline branches of the episodes in the relation `ep` (`practice_id`, `id`, `opened_at`,
 * `previous_episode_id`, `title` — the shape of `visibleEpisodesSql`): each episode's opening,
 * its title sealed.
 */
export function episodeEvents(ep: SQL): EventBranch {
  return {
    sql: sql`SELECT ep.opened_at, ep.id, ep.id, 0,
      CASE WHEN ep.previous_episode_id IS NULL THEN 'opened' ELSE 'returned' END,
      NULL::text, ep.title, NULL::text FROM ${ep} ep`,
    sealedPurpose: episodeTitlePurpose,
  };
}

/** Timeline branch: each phase change of the episodes in `ep`, as `from>to` (no reason). */
export function phaseChangeEvents(ep: SQL): EventBranch {
  return {
    sql: sql`SELECT pc.changed_at, pc.episode_id, pc.id, 0, 'phase',
      coalesce(pc.from_phase::text, '') || '>' || pc.to_phase::text, NULL::text, NULL::text
      FROM ${episodePhaseChanges} pc JOIN ${ep} ep ON pc.practice_id = ep.practice_id AND pc.episode_id = ep.id`,
    sealedPurpose: null,
  };
}
