import { and, asc, desc, eq } from 'drizzle-orm';
import { findDisplayNames, findPracticeById } from '../identity';
import type { Executor } from '../shared/transaction';
import { recordRequests } from './tables';

export type RecordRequestRow = typeof recordRequests.$inferSelect;

/** The purpose bound into a refusal reason's ciphertext. */
export const refusalReasonPurpose = (id: string): string => `record-request.refusal:${id}`;

export async function findPracticeCopySetting(
  db: Executor,
  practiceId: string,
): Promise<{ name: string; timeZone: string; copyReviewRequired: boolean } | undefined> {
  const row = await findPracticeById(db, practiceId);
  return row
    ? { name: row.name, timeZone: row.timeZone, copyReviewRequired: row.copyReviewRequired }
    : undefined;
}

export async function findLatestRequest(
  db: Executor,
  practiceId: string,
  clientId: string,
): Promise<RecordRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(recordRequests)
    .where(and(eq(recordRequests.practiceId, practiceId), eq(recordRequests.clientId, clientId)))
    .orderBy(desc(recordRequests.requestedAt), desc(recordRequests.id))
    .limit(1);
  return row;
}

/** A request by id; the caller checks it may see the client it belongs to. */
export async function findRequestById(
  db: Executor,
  practiceId: string,
  id: string,
): Promise<RecordRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(recordRequests)
    .where(and(eq(recordRequests.practiceId, practiceId), eq(recordRequests.id, id)))
    .for('update');
  return row;
}

export async function insertRequest(
  db: Executor,
  row: typeof recordRequests.$inferInsert,
): Promise<RecordRequestRow> {
  const [inserted] = await db.insert(recordRequests).values(row).returning();
  if (!inserted) throw new Error('record request insert returned nothing');
  return inserted;
}

export async function decideRequest(
  db: Executor,
  row: RecordRequestRow,
  decision: {
    status: 'released' | 'refused';
    decidedAt: Date;
    decidedBy: string;
    refusalReason: string | null;
  },
): Promise<RecordRequestRow> {
  const [updated] = await db
    .update(recordRequests)
    .set(decision)
    .where(and(eq(recordRequests.practiceId, row.practiceId), eq(recordRequests.id, row.id)))
    .returning();
  if (!updated) throw new Error('record request update returned nothing');
  return updated;
}

/** Pending requests of the practice, the oldest first; the caller keeps those it may see. */
export async function listPending(db: Executor, practiceId: string): Promise<RecordRequestRow[]> {
  return db
    .select()
    .from(recordRequests)
    .where(and(eq(recordRequests.practiceId, practiceId), eq(recordRequests.status, 'pending')))
    .orderBy(asc(recordRequests.requestedAt));
}

export async function findUserName(
  db: Executor,
  practiceId: string,
  userId: string | null,
): Promise<string | null> {
  if (!userId) return null;
  return (await findDisplayNames(db, practiceId, [userId])).get(userId) ?? null;
}
