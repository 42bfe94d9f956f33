import { and, desc, eq, inArray } from 'drizzle-orm';
import { clients } from '../clients/tables';
import { users } from '../identity/tables';
import type { Executor } from '../shared/transaction';
import { readinessViews } from './tables';

export type ReadinessViewRow = typeof readinessViews.$inferSelect & { givenByName: string };

export const readinessWordsPurpose = (id: string): string => `readiness-view.words:${id}`;

export async function insertView(
  db: Executor,
  row: typeof readinessViews.$inferInsert,
): Promise<void> {
  await db.insert(readinessViews).values(row);
}

/** Every view of the episodes, newest first, with the name of who gave it. */
export async function listByEpisodes(
  db: Executor,
  practiceId: string,
  episodeIds: string[],
): Promise<ReadinessViewRow[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select({ view: readinessViews, givenByName: users.displayName })
    .from(readinessViews)
    .innerJoin(
      users,
      and(eq(users.practiceId, readinessViews.practiceId), eq(users.id, readinessViews.givenBy)),
    )
    .where(
      and(eq(readinessViews.practiceId, practiceId), inArray(readinessViews.episodeId, episodeIds)),
    )
    .orderBy(desc(readinessViews.givenAt), desc(readinessViews.id));
  return rows.map((r) => ({ ...r.view, givenByName: r.givenByName }));
}

export type ReadinessPeople = {
  clientId: string;
  displayName: string;
  preferredName: string | null;
  pronouns: string | null;
  therapistName: string;
};

/** The client's names (pronouns still sealed) and the therapist's name, for an episode. */
export async function findPeople(
  db: Executor,
  episode: { practiceId: string; clientId: string; therapistId: string },
): Promise<ReadinessPeople> {
  const [row] = await db
    .select({
      clientId: clients.id,
      displayName: clients.displayName,
      preferredName: clients.preferredName,
      pronouns: clients.pronouns,
      therapistName: users.displayName,
    })
    .from(clients)
    .innerJoin(
      users,
      and(eq(users.practiceId, clients.practiceId), eq(users.id, episode.therapistId)),
    )
    .where(and(eq(clients.practiceId, episode.practiceId), eq(clients.id, episode.clientId)));
  if (!row) throw new Error('readiness: an admitted episode has no client');
  return row;
}
