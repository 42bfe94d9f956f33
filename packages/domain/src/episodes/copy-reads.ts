import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { episodes } from './tables';

/** Every episode of a client, oldest first (titles still sealed), for their copy (issue 12). */
export function listClientEpisodeRows(tx: Executor, practiceId: string, clientId: string) {
  return tx
    .select()
    .from(episodes)
    .where(and(eq(episodes.practiceId, practiceId), eq(episodes.clientId, clientId)))
    .orderBy(asc(episodes.openedAt));
}
