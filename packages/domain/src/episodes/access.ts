import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { clients } from '../clients/tables';
import type { Executor } from '../shared/transaction';
import { episodes } from './tables';

export type EpisodeRow = typeof episodes.$inferSelect;

/**
 * Which episodes an actor may see, as a SQL predicate every module's queries carry: the therapist
 * of the episode, and the client it is about (client-visible parts only — each module decides
 * which of its records those are). Supervisors see what clients consent to share (nothing until
 * consent exists); administrators see no clinical records. Default: nothing.
 */
export function episodesVisibleTo(actor: SignedIn): SQL {
  const inPractice = eq(episodes.practiceId, actor.practiceId);
  switch (actor.role) {
    case 'therapist':
      return and(inPractice, eq(episodes.therapistId, actor.userId)) as SQL;
    case 'client':
      return and(
        inPractice,
        sql`${episodes.clientId} IN (SELECT ${clients.id} FROM ${clients} WHERE ${clients.practiceId} = ${actor.practiceId} AND ${clients.userId} = ${actor.userId})`,
      ) as SQL;
    default:
      return sql`false`;
  }
}

export type EpisodeAccess = {
  episode: EpisodeRow;
  /** How the actor relates to this episode. */
  as: 'therapist' | 'client';
};

/** The episode if the actor may see it; undefined otherwise (callers answer 404). */
export async function findVisibleEpisode(
  db: Executor,
  actor: SignedIn,
  episodeId: string,
): Promise<EpisodeAccess | undefined> {
  const [episode] = await db
    .select()
    .from(episodes)
    .where(and(episodesVisibleTo(actor), eq(episodes.id, episodeId)));
  if (!episode) return undefined;
  return { episode, as: actor.role === 'client' ? 'client' : 'therapist' };
}
