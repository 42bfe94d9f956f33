import { and, desc, eq, isNotNull, not, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { auditEvents } from './tables';

/**
 * The audit module's reads for other modules' read models: the audit table is named only here.
 */

export type SubjectEventRow = {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
};

export type SubjectEventQuery = {
  practiceId: string;
  clientId: string;
  /** Leave out this user's reads (actions matching `readActions`): the client's own reading. */
  withoutReadsBy?: string | null;
  /** A POSIX regular expression for the actions that only read. */
  readActions: string;
  /** Keyset: events strictly older than this position (newest first). */
  before?: { at: Date; id: string } | undefined;
  limit: number;
};

/**
 * The successful events about one client, newest first: one range of `audit_events_subject_idx`
 * (practice, subject, time) however large the log is. Refusals are not listed.
 */
export async function listSubjectEvents(
  db: Executor,
  q: SubjectEventQuery,
): Promise<SubjectEventRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(auditEvents.practiceId, q.practiceId),
    eq(auditEvents.subjectClientId, q.clientId),
    isNotNull(auditEvents.subjectClientId),
    eq(auditEvents.outcome, 'success'),
  ];
  if (q.withoutReadsBy) {
    conditions.push(
      not(
        and(
          sql`${auditEvents.actorUserId} IS NOT DISTINCT FROM ${q.withoutReadsBy}::uuid`,
          sql`${auditEvents.action} ~ ${q.readActions}`,
        ) as SQL,
      ),
    );
  }
  if (q.before) {
    conditions.push(
      or(
        sql`${auditEvents.occurredAt} < ${q.before.at.toISOString()}::timestamptz`,
        and(
          sql`${auditEvents.occurredAt} = ${q.before.at.toISOString()}::timestamptz`,
          sql`${auditEvents.id} < ${q.before.id}::bigint`,
        ),
      ),
    );
  }
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      actorUserId: auditEvents.actorUserId,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(q.limit);
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
