import { and, desc, eq, sql } from 'drizzle-orm';
import { clients } from '../clients/tables';
import { episodes } from '../episodes/tables';
import { practices, users } from '../identity/tables';
import type { Executor } from '../shared/transaction';
import { recordRequests } from './tables';

export type RecordRequestRow = typeof recordRequests.$inferSelect;

/** The purpose bound into a refusal reason's ciphertext. */
export const refusalReasonPurpose = (id: string): string => `record-request.refusal:${id}`;

export async function findPracticeCopySetting(
  db: Executor,
  practiceId: string,
): Promise<{ name: string; timeZone: string; copyReviewRequired: boolean } | undefined> {
  const [row] = await db
    .select({
      name: practices.name,
      timeZone: practices.timeZone,
      copyReviewRequired: practices.copyReviewRequired,
    })
    .from(practices)
    .where(eq(practices.id, practiceId));
  return row;
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

export type PendingRow = {
  id: string;
  clientId: string;
  displayName: string;
  preferredName: string | null;
  requestedAt: Date;
  dueBy: Date;
};

/**
 * Pending requests of the therapist's clients (their own clients, or a client they have an
 * episode with), the oldest first: the one due soonest leads.
 */
export async function listPendingForTherapist(
  db: Executor,
  practiceId: string,
  therapistId: string,
): Promise<PendingRow[]> {
  return db
    .select({
      id: recordRequests.id,
      clientId: recordRequests.clientId,
      displayName: clients.displayName,
      preferredName: clients.preferredName,
      requestedAt: recordRequests.requestedAt,
      dueBy: recordRequests.dueBy,
    })
    .from(recordRequests)
    .innerJoin(
      clients,
      and(
        eq(clients.practiceId, recordRequests.practiceId),
        eq(clients.id, recordRequests.clientId),
      ),
    )
    .where(
      and(
        eq(recordRequests.practiceId, practiceId),
        eq(recordRequests.status, 'pending'),
        sql`(${clients.therapistId} = ${therapistId} OR EXISTS (SELECT 1 FROM ${episodes} WHERE ${episodes.practiceId} = ${clients.practiceId} AND ${episodes.clientId} = ${clients.id} AND ${episodes.therapistId} = ${therapistId}))`,
      ),
    )
    .orderBy(recordRequests.requestedAt);
}

export async function findUserName(
  db: Executor,
  practiceId: string,
  userId: string | null,
): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.practiceId, practiceId), eq(users.id, userId)));
  return row?.name ?? null;
}
