import { sql } from 'drizzle-orm';
import type { SignedIn } from '../access/actor';
import { attendedSessionsSql } from '../appointments';
import { appointments } from '../appointments/tables';
import { homework } from '../carry-forward/tables';
import { clients } from '../clients/tables';
import { episodes } from '../episodes/tables';
import { practices } from '../identity/tables';
import { alerts } from '../measures/tables';
import { notes } from '../notes/tables';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';

export type CaseloadRow = {
  client_id: string;
  display_name: string;
  preferred_name: string | null;
  episode_id: string;
  phase: 'intake' | 'active' | 'ending' | 'aftercare';
  next_session: Date | null;
  last_contact_at: Date | null;
  unsigned_notes: number;
  homework_completed: number;
  overdue_homework: number;
  /** Unacknowledged alerts (CLINICAL.md §4): urgent (risk item) and the others. */
  urgent_alerts: number;
  other_alerts: number;
};

/** Drafts older than this need attention (a note is best written within a day of the session). */
export const UNSIGNED_AFTER_HOURS = 24;

/**
 * One row per non-closed episode of the therapist, with its next session, last attended session
 * and the counts behind each attention item: one query (CTEs, each aggregate once per table).
 * "Today", for overdue homework, is the date in the practice's time zone.
 */
export async function listCaseload(
  db: Executor,
  actor: SignedIn,
  now: Date,
): Promise<CaseloadRow[]> {
  const at = now.toISOString();
  const result = await db.execute<Raw<CaseloadRow>>(sql`
    WITH ep AS (
      SELECT e.practice_id, e.id, e.client_id, e.phase FROM ${episodes} e
      WHERE e.practice_id = ${actor.practiceId}::uuid AND e.therapist_id = ${actor.userId}::uuid
        AND e.phase <> 'closed'
    ), sessions AS (
      SELECT ep.id AS episode_id,
        (SELECT min(a.starts_at) FROM ${appointments} a
          WHERE a.practice_id = ep.practice_id AND a.episode_id = ep.id
            AND a.status = 'scheduled' AND a.starts_at >= ${at}::timestamptz) AS next_session,
        -- Last contact: the latest attended session as of now, either kind (appointments rule).
        (SELECT max(att.starts_at) FROM (${attendedSessionsSql({
          practiceId: sql`ep.practice_id`,
          episodeId: sql`ep.id`,
          bound: { startedBy: now },
          kind: 'any',
        })}) att) AS last_contact_at
      FROM ep
    ), drafts AS (
      SELECT n.episode_id, count(*)::int AS n FROM ${notes} n
        JOIN ep ON n.practice_id = ep.practice_id AND n.episode_id = ep.id
      WHERE n.status = 'draft'
        AND n.created_at < ${at}::timestamptz - make_interval(hours => ${UNSIGNED_AFTER_HOURS})
      GROUP BY n.episode_id
    ), work AS (
      SELECT h.episode_id,
        count(*) FILTER (WHERE h.status = 'done'
          AND h.completed_at > coalesce(s.last_contact_at, '-infinity'::timestamptz))::int AS completed,
        count(*) FILTER (WHERE h.status = 'assigned'
          AND h.due_on < (${at}::timestamptz AT TIME ZONE (SELECT time_zone FROM ${practices} WHERE id = ${actor.practiceId}::uuid))::date)::int AS overdue
      FROM ${homework} h JOIN ep ON h.practice_id = ep.practice_id AND h.episode_id = ep.id
        LEFT JOIN sessions s ON s.episode_id = h.episode_id
      GROUP BY h.episode_id
    ), open_alerts AS (
      SELECT al.episode_id,
        count(*) FILTER (WHERE al.severity = 'urgent')::int AS urgent,
        count(*) FILTER (WHERE al.severity <> 'urgent')::int AS other
      FROM ${alerts} al JOIN ep ON al.practice_id = ep.practice_id AND al.episode_id = ep.id
      WHERE al.acknowledged_at IS NULL
      GROUP BY al.episode_id
    )
    SELECT c.id AS client_id, c.display_name, c.preferred_name, ep.id AS episode_id, ep.phase,
      s.next_session, s.last_contact_at,
      coalesce(d.n, 0) AS unsigned_notes, coalesce(w.completed, 0) AS homework_completed,
      coalesce(w.overdue, 0) AS overdue_homework,
      coalesce(al.urgent, 0) AS urgent_alerts, coalesce(al.other, 0) AS other_alerts
    FROM ep
    JOIN ${clients} c ON c.practice_id = ep.practice_id AND c.id = ep.client_id
    LEFT JOIN sessions s ON s.episode_id = ep.id
    LEFT JOIN drafts d ON d.episode_id = ep.id
    LEFT JOIN work w ON w.episode_id = ep.id
    LEFT JOIN open_alerts al ON al.episode_id = ep.id
    ORDER BY s.next_session NULLS LAST, coalesce(c.preferred_name, c.display_name), c.display_name, ep.id`);
  return result.rows.map((r) => ({
    ...r,
    next_session: fromPg(r.next_session),
    last_contact_at: fromPg(r.last_contact_at),
  }));
}
