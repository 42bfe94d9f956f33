import { and, desc, eq, sql } from 'drizzle-orm';
import { userNameSql } from '../identity';
import type { Executor } from '../shared/transaction';
import { boundaryEntries } from './tables';

export type BoundaryRow = typeof boundaryEntries.$inferSelect & { authorName: string };
const b = boundaryEntries;

/** An episode's log, newest happening first. The episode was admitted by the kernel. */
export function listByEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<BoundaryRow[]> {
  return db
    .select({
      practiceId: b.practiceId,
      id: b.id,
      episodeId: b.episodeId,
      authorId: b.authorId,
      kind: b.kind,
      assessment: b.assessment,
      occurredOn: b.occurredOn,
      content: b.content,
      createdAt: b.createdAt,
      authorName: sql<string>`${userNameSql(sql`${b.practiceId}`, sql`${b.authorId}`)}`,
    })
    .from(b)
    .where(and(eq(b.practiceId, practiceId), eq(b.episodeId, episodeId)))
    .orderBy(desc(b.occurredOn), desc(b.createdAt));
}

export async function insertEntry(
  db: Executor,
  values: typeof boundaryEntries.$inferInsert,
): Promise<void> {
  await db.insert(b).values(values);
}
