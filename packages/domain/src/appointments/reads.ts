import { type SQL, sql } from 'drizzle-orm';
import { practiceTimeZoneSql } from '../identity';
import { type EventBranch, type Fragment, fragment, type IdOrSql } from '../shared/fragment';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';
import { appointmentSeries, appointments } from './tables';

/**
 * The appointments module's reads for other modules' read models (brief, caseload, timeline,
 * portal, notes): the appointments table is named only in this module (module ownership,
 * issue 8). "Attended" is `attendance.ts`; these are the other questions asked of sessions.
 */

const id = (v: IdOrSql): SQL => (typeof v === 'string' ? sql`${v}::uuid` : v);

/**
 * The zone a therapist reads the session `a` in (the rule of `zoneFor`): its series' zone, else
 * the practice's. A scalar expression over an `appointments` row aliased `a`.
 */
function staffZoneSql(): SQL {
  return sql`coalesce((SELECT s.time_zone FROM ${appointmentSeries} s
      WHERE s.practice_id = a.practice_id AND s.id = a.series_id),
    ${practiceTimeZoneSql(sql`a.practice_id`)})`;
}

export type AnchorRow = { id: string; starts_at: string; ends_at: string };

/**
 * The session a brief is about, for a CTE: the one asked for (it must belong to the episode),
 * else the next scheduled one from `at`. At most one row.
 */
export function briefSessionSql(q: {
  practiceId: string;
  episodeId: string;
  appointmentId: string | undefined;
  at: Date;
}): Fragment<AnchorRow> {
  const which = q.appointmentId
    ? sql`a.id = ${q.appointmentId}::uuid`
    : sql`a.status = 'scheduled' AND a.starts_at >= ${q.at.toISOString()}::timestamptz`;
  return fragment(sql`SELECT a.id, a.starts_at, a.ends_at FROM ${appointments} a
    WHERE a.practice_id = ${q.practiceId}::uuid AND a.episode_id = ${q.episodeId}::uuid
      AND ${which}
    ORDER BY a.starts_at LIMIT 1`);
}

/** The start of the episode's last scheduled session (a scalar subquery; null when none). */
export function lastScheduledStartSql(q: { practiceId: IdOrSql; episodeId: IdOrSql }): SQL {
  return sql`(SELECT max(a.starts_at) FROM ${appointments} a
    WHERE a.practice_id = ${id(q.practiceId)} AND a.episode_id = ${id(q.episodeId)}
      AND a.status = 'scheduled')`;
}

/** The start of the episode's next scheduled session from `from` (scalar subquery; or null). */
export function nextScheduledStartSql(q: {
  practiceId: IdOrSql;
  episodeId: IdOrSql;
  from: Date;
}): SQL {
  return sql`(SELECT min(a.starts_at) FROM ${appointments} a
    WHERE a.practice_id = ${id(q.practiceId)} AND a.episode_id = ${id(q.episodeId)}
      AND a.status = 'scheduled' AND a.starts_at >= ${q.from.toISOString()}::timestamptz)`;
}

/** The zone a therapist reads the session `nextScheduledStartSql` finds in (same rule), or null. */
export function nextScheduledZoneSql(q: {
  practiceId: IdOrSql;
  episodeId: IdOrSql;
  from: Date;
}): SQL {
  return sql`(SELECT ${staffZoneSql()} FROM ${appointments} a
    WHERE a.practice_id = ${id(q.practiceId)} AND a.episode_id = ${id(q.episodeId)}
      AND a.status = 'scheduled' AND a.starts_at >= ${q.from.toISOString()}::timestamptz
    ORDER BY a.starts_at, a.id LIMIT 1)`;
}

/**
 * A session's start by its id (a scalar subquery: one primary-key probe), e.g. to date a note
 * by its session. Null when there is no such session.
 */
export function sessionStartSql(q: { practiceId: IdOrSql; appointmentId: IdOrSql }): SQL {
  return sql`(SELECT a.starts_at FROM ${appointments} a
    WHERE a.practice_id = ${id(q.practiceId)} AND a.id = ${id(q.appointmentId)})`;
}

export type SessionHeadRow = { session_starts_at: string; session_time_zone: string };

/**
 * A session's start and the therapist's zone for it (its series' zone, else the practice's), for
 * `LEFT JOIN LATERAL (...) s ON true` from a row that names the session (a note): one
 * primary-key probe. No row when there is no such session.
 */
export function sessionHeadSql(q: {
  practiceId: IdOrSql;
  appointmentId: IdOrSql;
}): Fragment<SessionHeadRow> {
  return fragment(sql`SELECT a.starts_at AS session_starts_at,
      coalesce(s.time_zone, ${practiceTimeZoneSql(sql`a.practice_id`)}) AS session_time_zone
    FROM ${appointments} a
    LEFT JOIN ${appointmentSeries} s ON s.practice_id = a.practice_id AND s.id = a.series_id
    WHERE a.practice_id = ${id(q.practiceId)} AND a.id = ${id(q.appointmentId)}`);
}

/**
 * Timeline branch: past sessions of the episodes in `ep` (`practice_id`, `id`) and what became
 * of them — kind is the status, detail `by:late` for a cancellation. Future scheduled sessions
 * are not history yet.
 */
export function appointmentEvents(ep: SQL, now: Date): EventBranch {
  return {
    sql: sql`SELECT a.starts_at, a.episode_id, a.id, 0, a.status::text,
      concat_ws(':', a.cancelled_by, CASE WHEN a.late_cancellation THEN 'late' END), NULL::text,
      ${staffZoneSql()}
      FROM ${appointments} a JOIN ${ep} ep ON a.practice_id = ep.practice_id AND a.episode_id = ep.id
      WHERE a.status <> 'scheduled' OR a.starts_at <= ${now.toISOString()}::timestamptz`,
    sealedPurpose: null,
  };
}

export type UpcomingSessionRow = {
  id: string;
  starts_at: Date;
  ends_at: Date;
  modality: 'in-person' | 'video' | 'phone';
};

/**
 * The next scheduled sessions of the episodes `episodesSql` selects (`practice_id`, `id`; the
 * caller's visibility rule), soonest first.
 */
export async function listUpcomingSessions(
  db: Executor,
  episodesSql: SQL,
  now: Date,
  limit: number,
): Promise<UpcomingSessionRow[]> {
  const result = await db.execute<Raw<UpcomingSessionRow>>(sql`
    SELECT a.id, a.starts_at, a.ends_at, a.modality
    FROM ${appointments} a
    JOIN (${episodesSql}) ep ON ep.practice_id = a.practice_id AND ep.id = a.episode_id
    WHERE a.status = 'scheduled' AND a.starts_at >= ${now.toISOString()}::timestamptz
    ORDER BY a.starts_at, a.id
    LIMIT ${limit}`);
  return result.rows.map((r) => ({
    ...r,
    starts_at: fromPg(r.starts_at),
    ends_at: fromPg(r.ends_at),
  }));
}
