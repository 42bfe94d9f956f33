import { and, desc, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { episodesVisibleTo } from '../access';
import { clients } from '../clients/tables';
import { users } from '../identity/tables';
import type { Executor } from '../shared/transaction';
import type { Phase } from './phases';
import { episodePhaseChanges, episodes } from './tables';

const selection = {
  id: episodes.id,
  practiceId: episodes.practiceId,
  clientId: episodes.clientId,
  therapistId: episodes.therapistId,
  therapistName: sql<string>`(SELECT ${users.displayName} FROM ${users} WHERE ${users.practiceId} = ${episodes.practiceId} AND ${users.id} = ${episodes.therapistId})`,
  phase: episodes.phase,
  title: episodes.title,
  previousEpisodeId: episodes.previousEpisodeId,
  openedAt: episodes.openedAt,
  closedAt: episodes.closedAt,
};

export type EpisodeListRow = {
  id: string;
  practiceId: string;
  clientId: string;
  therapistId: string;
  therapistName: string;
  phase: Phase;
  title: string;
  previousEpisodeId: string | null;
  openedAt: Date;
  closedAt: Date | null;
};

export async function findById(
  db: Executor,
  actor: SignedIn,
  id: string,
): Promise<EpisodeListRow | undefined> {
  const [row] = await db
    .select(selection)
    .from(episodes)
    .where(and(episodesVisibleTo(actor), eq(episodes.id, id)));
  return row;
}

/** An episode of the practice the kernel has already admitted the caller to (a designee). */
export async function findAdmitted(
  db: Executor,
  practiceId: string,
  id: string,
): Promise<EpisodeListRow | undefined> {
  const [row] = await db
    .select(selection)
    .from(episodes)
    .where(and(eq(episodes.practiceId, practiceId), eq(episodes.id, id)));
  return row;
}

export type Cursor = { openedAt: Date; id: string };
export type EpisodeFilter = { clientId?: string | undefined; phase?: Phase | undefined };

/** Newest first, keyset-paginated by (openedAt, id). */
export async function listVisible(
  db: Executor,
  actor: SignedIn,
  filter: EpisodeFilter,
  limit: number,
  after: Cursor | undefined,
): Promise<EpisodeListRow[]> {
  const page = after
    ? or(
        lt(episodes.openedAt, after.openedAt),
        and(eq(episodes.openedAt, after.openedAt), lt(episodes.id, after.id)),
      )
    : undefined;
  return db
    .select(selection)
    .from(episodes)
    .where(
      and(
        episodesVisibleTo(actor),
        filter.clientId ? eq(episodes.clientId, filter.clientId) : undefined,
        filter.phase ? eq(episodes.phase, filter.phase) : undefined,
        page,
      ),
    )
    .orderBy(desc(episodes.openedAt), desc(episodes.id))
    .limit(limit);
}

/** This client's open (not closed) episode with this therapist, if any. */
export async function findOpen(
  db: Executor,
  practiceId: string,
  clientId: string,
  therapistId: string,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: episodes.id })
    .from(episodes)
    .where(
      and(
        eq(episodes.practiceId, practiceId),
        eq(episodes.clientId, clientId),
        eq(episodes.therapistId, therapistId),
        ne(episodes.phase, 'closed'),
      ),
    );
  return row;
}

/** The client's most recently closed episode in the practice, with any therapist. */
export async function findLatestClosed(
  db: Executor,
  practiceId: string,
  clientId: string,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: episodes.id })
    .from(episodes)
    .where(
      and(
        eq(episodes.practiceId, practiceId),
        eq(episodes.clientId, clientId),
        eq(episodes.phase, 'closed'),
      ),
    )
    .orderBy(sql`${episodes.closedAt} DESC NULLS LAST`, desc(episodes.openedAt))
    .limit(1);
  return row;
}

/**
 * Moves an episode from `from` to `to`, only if it is still in `from` (a concurrent change makes
 * this return false instead of overwriting it). The caller has been admitted to the episode by the
 * kernel (its therapist, or the designee recording the therapist's death or incapacity).
 */
export async function updatePhase(
  db: Executor,
  practiceId: string,
  id: string,
  from: Phase,
  to: Phase,
  closedAt: Date | null,
): Promise<boolean> {
  const updated = await db
    .update(episodes)
    .set({ phase: to, ...(closedAt ? { closedAt } : {}) })
    .where(and(eq(episodes.practiceId, practiceId), eq(episodes.id, id), eq(episodes.phase, from)))
    .returning({ id: episodes.id });
  return updated.length > 0;
}

export type PhaseChangeRow = {
  practiceId: string;
  id: string;
  from: Phase | null;
  to: Phase;
  changedBy: string;
  changedByName: string;
  changedAt: Date;
  reason: string;
};

export async function listPhaseChanges(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<PhaseChangeRow[]> {
  return db
    .select({
      practiceId: episodePhaseChanges.practiceId,
      id: episodePhaseChanges.id,
      from: episodePhaseChanges.fromPhase,
      to: episodePhaseChanges.toPhase,
      changedBy: episodePhaseChanges.changedBy,
      changedByName: users.displayName,
      changedAt: episodePhaseChanges.changedAt,
      reason: episodePhaseChanges.reason,
    })
    .from(episodePhaseChanges)
    .innerJoin(
      users,
      and(
        eq(users.practiceId, episodePhaseChanges.practiceId),
        eq(users.id, episodePhaseChanges.changedBy),
      ),
    )
    .where(
      and(
        eq(episodePhaseChanges.practiceId, practiceId),
        eq(episodePhaseChanges.episodeId, episodeId),
      ),
    )
    .orderBy(episodePhaseChanges.changedAt, episodePhaseChanges.id);
}

export type ClientSummary = {
  id: string;
  displayName: string;
  preferredName: string | null;
  pronouns: string | null;
};

export async function findClientSummary(
  db: Executor,
  practiceId: string,
  clientId: string,
): Promise<ClientSummary | undefined> {
  const [row] = await db
    .select({
      id: clients.id,
      displayName: clients.displayName,
      preferredName: clients.preferredName,
      pronouns: clients.pronouns,
    })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  return row;
}

/**
 * The ids of the episodes before this one, nearest first: the relationship's history. Only ids:
 * an earlier episode with another therapist is not theirs to read.
 */
export async function listPreviousIds(
  db: Executor,
  practiceId: string,
  previousEpisodeId: string | null,
): Promise<string[]> {
  if (!previousEpisodeId) return [];
  // The depth bound guards against a cycle, which the create path never makes.
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE chain(id, previous_id, depth) AS (
      SELECT id, previous_episode_id, 1 FROM episodes
       WHERE practice_id = ${practiceId} AND id = ${previousEpisodeId}
      UNION ALL
      SELECT e.id, e.previous_episode_id, chain.depth + 1 FROM episodes e
        JOIN chain ON e.practice_id = ${practiceId} AND e.id = chain.previous_id
       WHERE chain.depth < 100
    )
    SELECT id FROM chain ORDER BY depth`);
  return result.rows.map((r) => r.id);
}
