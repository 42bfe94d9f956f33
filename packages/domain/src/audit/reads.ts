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
  /** `detail.kind` of an agreement event (which agreement); null for other events. */
  agreementKind: string | null;
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
    // An agreement event recorded inside a listed action (the same transaction, so the same
    // moment, by the same person: `contact-agreement.accept` around `agreement.accept`) is that
    // action's detail: listed once. On its own it is listed.
    sql`NOT (${auditEvents.action} LIKE 'agreement.%' AND EXISTS (
      SELECT 1 FROM audit_events o
      WHERE o.practice_id = ${auditEvents.practiceId}
        AND o.subject_client_id = ${auditEvents.subjectClientId}
        AND o.occurred_at = ${auditEvents.occurredAt}
        AND o.actor_user_id IS NOT DISTINCT FROM ${auditEvents.actorUserId}
        AND o.outcome = 'success'
        AND o.action NOT LIKE 'agreement.%'))`,
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
      agreementKind: sql<
        string | null
      >`CASE WHEN ${auditEvents.action} LIKE 'agreement.%' THEN ${auditEvents.detail}->>'kind' END`,
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(q.limit);
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
