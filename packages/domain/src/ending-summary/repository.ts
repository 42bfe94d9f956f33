import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { endingSummaries } from './tables';

export type SummaryRow = typeof endingSummaries.$inferSelect;

/** The newest saved version of the episode's summary (shared or not). */
export async function findLatest(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<SummaryRow | undefined> {
  const [row] = await db
    .select()
    .from(endingSummaries)
    .where(
      and(eq(endingSummaries.practiceId, practiceId), eq(endingSummaries.episodeId, episodeId)),
    )
    .orderBy(desc(endingSummaries.version))
    .limit(1);
  return row;
}

/** The newest version that was shared with the client. */
export async function findLatestShared(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<SummaryRow | undefined> {
  const [row] = await db
    .select()
    .from(endingSummaries)
    .where(
      and(
        eq(endingSummaries.practiceId, practiceId),
        eq(endingSummaries.episodeId, episodeId),
        isNotNull(endingSummaries.sharedAt),
      ),
    )
    .orderBy(desc(endingSummaries.version))
    .limit(1);
  return row;
}

export async function insertVersion(
  tx: Executor,
  row: typeof endingSummaries.$inferInsert,
): Promise<void> {
  await tx.insert(endingSummaries).values(row);
}

export async function markShared(
  tx: Executor,
  key: { practiceId: string; id: string },
  by: string,
  at: Date,
): Promise<void> {
  await tx
    .update(endingSummaries)
    .set({ sharedBy: by, sharedAt: at })
    .where(and(eq(endingSummaries.practiceId, key.practiceId), eq(endingSummaries.id, key.id)));
}
