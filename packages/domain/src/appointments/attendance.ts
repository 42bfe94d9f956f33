import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { appointments } from './tables';

/**
 * THE rule for "attended sessions" (issue 8, module ownership): the appointments module owns the
 * table, so every count or "last attended" elsewhere (measures, measure tasks, brief, caseload,
 * outcome) is built from this one definition. A session counts when its status is `attended`;
 * cancelled, no-show and still-scheduled sessions never count. Callers differ only in the bound and
 * the kind, and must say which they mean:
 *
 * - `startedBefore`: sessions that began strictly before a moment. "Sessions before this one" —
 *   the moment is a session's own start, so that session is never counted (brief, session number
 *   of an upcoming session).
 * - `startedBy`: sessions that began at or before a moment ("so far, as of now").
 * - `all`: no time bound. A session can only be marked attended once it has begun
 *   (update-appointment.ts), so no attended session lies in the future of the clock.
 *
 * `kind: 'treatment'` leaves out sessions marked as an assessment: "finished treatment" counts
 * attended treatment sessions only (CLINICAL.md §3). Everything else counts both kinds.
 */
export type AttendedSessions = {
  practiceId: string | SQL;
  episodeId: string | SQL;
  bound: { startedBefore: Date | SQL } | { startedBy: Date | SQL } | 'all';
  kind: 'any' | 'treatment';
};

const id = (v: string | SQL): SQL => (typeof v === 'string' ? sql`${v}::uuid` : v);
const at = (v: Date | SQL): SQL => (v instanceof Date ? sql`${v.toISOString()}::timestamptz` : v);

/**
 * `SELECT id, starts_at` of the attended sessions, for use as a subquery or CTE. Ids and bounds
 * may be SQL expressions (a CTE column, a correlated `ep.id`), so one-round-trip read models can
 * use the rule without a second query.
 */
export function attendedSessionsSql(q: AttendedSessions): SQL {
  const bound =
    q.bound === 'all'
      ? sql``
      : 'startedBefore' in q.bound
        ? sql` AND ${appointments.startsAt} < ${at(q.bound.startedBefore)}`
        : sql` AND ${appointments.startsAt} <= ${at(q.bound.startedBy)}`;
  const kind = q.kind === 'treatment' ? sql` AND ${appointments.kind} = 'treatment'` : sql``;
  return sql`SELECT ${appointments.id} AS id, ${appointments.startsAt} AS starts_at
    FROM ${appointments}
    WHERE ${appointments.practiceId} = ${id(q.practiceId)}
      AND ${appointments.episodeId} = ${id(q.episodeId)}
      AND ${appointments.status} = 'attended'${bound}${kind}`;
}

/** How many attended sessions, by the rule above. */
export async function countAttendedSessions(db: Executor, q: AttendedSessions): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (${attendedSessionsSql(q)}) attended`,
  );
  return result.rows[0]?.n ?? 0;
}
