import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { readinessViews } from './tables';

export type ReadinessViewRow = typeof readinessViews.$inferSelect;

export const readinessWordsPurpose = (id: string): string => `readiness-view.words:${id}`;

export async function insertView(
  db: Executor,
  row: typeof readinessViews.$inferInsert,
): Promise<void> {
  await db.insert(readinessViews).values(row);
}

/** Every view of the episode, newest first. */
export async function listByEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<ReadinessViewRow[]> {
  return db
    .select()
    .from(readinessViews)
    .where(and(eq(readinessViews.practiceId, practiceId), eq(readinessViews.episodeId, episodeId)))
    .orderBy(desc(readinessViews.givenAt), desc(readinessViews.id));
}
