import { and, eq } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { episodeEndings } from './tables';

export type EndingRow = typeof episodeEndings.$inferSelect;

export const endingReasonPurpose = (id: string): string => `episode-ending.reason:${id}`;
export const endingDetailsPurpose = (id: string): string => `episode-ending.details:${id}`;

/** The ending recorded for an episode, if any (the caller has been admitted to the episode). */
export async function findEndingRow(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<EndingRow | undefined> {
  const [row] = await db
    .select()
    .from(episodeEndings)
    .where(and(eq(episodeEndings.practiceId, practiceId), eq(episodeEndings.episodeId, episodeId)));
  return row;
}

/** Inserts the one ending of an episode; false when one is already recorded (a concurrent end). */
export async function insertEndingRow(db: Executor, row: EndingRow): Promise<boolean> {
  const inserted = await db
    .insert(episodeEndings)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: episodeEndings.id });
  return inserted.length > 0;
}

/** Replaces the sealed reason and details (retention: erasing the content, keeping the fact). */
export async function sealEndingContent(
  db: Executor,
  practiceId: string,
  id: string,
  sealed: { reason: string; details: string },
): Promise<void> {
  await db
    .update(episodeEndings)
    .set(sealed)
    .where(and(eq(episodeEndings.practiceId, practiceId), eq(episodeEndings.id, id)));
}
