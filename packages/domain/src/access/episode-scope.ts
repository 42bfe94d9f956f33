import { and, eq, type SQL, sql } from 'drizzle-orm';
import { clients } from '../clients/tables';
import { episodes } from '../episodes/tables';
import type { Executor } from '../shared/transaction';
import type { SignedIn } from './actor';

export type EpisodeRow = typeof episodes.$inferSelect;

/**
 * How a caller stands to an episode. This is the one place that decides it: a supervisor or a
 * designee with a live grant will be a new relation here (and a new branch in
 * `episodesVisibleTo`), and every action then admits them where the policy's `who` names them.
 */
export type Relation = 'therapist' | 'client';

/**
 * Which episodes an actor may see, as a SQL predicate every module's queries carry: the therapist
 * of the episode, and the client it is about (client-visible parts only — each action's policy
 * decides which relations may use it). Supervisors see what clients consent to share (nothing
 * until consent exists); administrators see no clinical records. Default: nothing.
 */
export function episodesVisibleTo(actor: SignedIn): SQL {
  switch (relationOf(actor)) {
    case 'therapist':
      return episodesTreatedBy(actor);
    case 'client':
      return episodesAbout(actor);
    default:
      return sql`false`;
  }
}

/**
 * The episodes the actor treats (is the therapist of): the scope of therapist-only records —
 * notes, threads, alerts. A data predicate, not a role check: no one else's id is a therapist id.
 */
export function episodesTreatedBy(actor: SignedIn): SQL {
  return and(
    eq(episodes.practiceId, actor.practiceId),
    eq(episodes.therapistId, actor.userId),
  ) as SQL;
}

/** The episodes about the actor themself (the client): the scope of their portal records. */
export function episodesAbout(actor: SignedIn): SQL {
  return and(
    eq(episodes.practiceId, actor.practiceId),
    sql`${episodes.clientId} IN (SELECT ${clients.id} FROM ${clients} WHERE ${clients.practiceId} = ${actor.practiceId} AND ${clients.userId} = ${actor.userId})`,
  ) as SQL;
}

/**
 * The relation a signed-in user can have to the episodes `episodesVisibleTo` admits. Today a
 * role maps to at most one relation; a grant-based relation would be looked up per episode.
 */
export function relationOf(actor: SignedIn): Relation | undefined {
  switch (actor.role) {
    case 'therapist':
      return 'therapist';
    case 'client':
      return 'client';
    default:
      return undefined;
  }
}

export type EpisodeAccess = {
  episode: EpisodeRow;
  /** How the actor relates to this episode. */
  as: Relation;
};

/** The episode if the actor may see it; undefined otherwise (callers answer 404). */
export async function findVisibleEpisode(
  db: Executor,
  actor: SignedIn,
  episodeId: string,
): Promise<EpisodeAccess | undefined> {
  const as = relationOf(actor);
  if (!as) return undefined;
  const [episode] = await db
    .select()
    .from(episodes)
    .where(and(episodesVisibleTo(actor), eq(episodes.id, episodeId)));
  return episode ? { episode, as } : undefined;
}

/** The client an episode is about (for naming the subject of an audit event); no scope check. */
export async function clientOfEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ clientId: episodes.clientId })
    .from(episodes)
    .where(and(eq(episodes.practiceId, practiceId), eq(episodes.id, episodeId)));
  return row?.clientId;
}
