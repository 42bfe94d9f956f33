import { sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { attendedSessionsSql, nextScheduledStartSql, nextScheduledZoneSql } from '../appointments';
import { homeworkAttentionSql } from '../carry-forward';
import { type ClientHeadRow, clientHeadSql } from '../clients';
import { unreadMessageCountsSql } from '../contact';
import { coveredEpisodesSql, visibleEpisodesSql } from '../episodes';
import { practiceTimeZoneSql } from '../identity';
import { openAlertCountsSql } from '../measures';
import { overdueDraftCountsSql } from '../notes';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';
import { coverInEffectSql } from '../supervision';

export type CaseloadRow = {
  client_id: string;
  display_name: ClientHeadRow['display_name'];
  preferred_name: ClientHeadRow['preferred_name'];
  episode_id: string;
  phase: 'intake' | 'active' | 'ending' | 'aftercare';
  next_session: Date | null;
  /** The next session's own time zone. */
  next_session_zone: string | null;
  last_contact_at: Date | null;
  unsigned_notes: number;
  homework_completed: number;
  overdue_homework: number;
  /** Unacknowledged alerts (CLINICAL.md §4): urgent (risk item) and the others. */
  urgent_alerts: number;
  other_alerts: number;
  /** Messages from the client the therapist has not read (issue 10). */
  unread_messages: number;
  /**
   * Cover in effect now (issue 10): who covers for whom, until when. A designee's caseload also
   * lists the episodes they cover (`covering`), while the cover is in effect.
   */
  covering: boolean;
  cover_designee_id: string | null;
  cover_designee_name: string | null;
  cover_therapist_name: string | null;
  cover_ends_at: Date | null;
  practice_time_zone: string;
};

const EP = sql.raw('ep');

/**
 * One row per non-closed episode the therapist treats or covers now as a designee (the kernel's
 * `episodesCoveredBy`: the rule is read at this moment, so a cover drops off when it ends), with its next session, last attended
 * session and the counts behind each attention item: one query (CTEs, each aggregate once per
 * table). The caseload names no table: each module owns its CTE (its table and its counting rule)
 * and the caseload assembles them (issue 8, module ownership). "Today", for overdue homework, is
 * the date in the practice's time zone.
 */
export async function listCaseload(
  db: Executor,
  actor: SignedIn,
  now: Date,
): Promise<CaseloadRow[]> {
  const at = now.toISOString();
  const today = sql`(${at}::timestamptz AT TIME ZONE ${practiceTimeZoneSql(actor.practiceId)})::date`;
  const result = await db.execute<Raw<CaseloadRow>>(sql`
    WITH treated AS (${visibleEpisodesSql(actor, { notClosed: true })}
    ), ep AS (SELECT *, false AS covering FROM treated
      UNION ALL SELECT *, true FROM (${coveredEpisodesSql(actor, now)}) covered
        WHERE covered.id NOT IN (SELECT id FROM treated)
    ), sessions AS (
      SELECT ep.id AS episode_id,
        ${nextScheduledStartSql({ practiceId: sql`ep.practice_id`, episodeId: sql`ep.id`, from: now })} AS next_session,
        ${nextScheduledZoneSql({ practiceId: sql`ep.practice_id`, episodeId: sql`ep.id`, from: now })} AS next_session_zone,
        -- Last contact: the latest attended session as of now, either kind (appointments rule).
        (SELECT max(att.starts_at) FROM (${attendedSessionsSql({
          practiceId: sql`ep.practice_id`,
          episodeId: sql`ep.id`,
          bound: { startedBy: now },
          kind: 'any',
        })}) att) AS last_contact_at
      FROM ep
    ), drafts AS (${overdueDraftCountsSql(EP, now)}
    ), work AS (${homeworkAttentionSql({ ep: EP, lastContact: sql.raw('sessions'), today })}
    ), open_alerts AS (${openAlertCountsSql(EP)}
    ), unread AS (${unreadMessageCountsSql(EP)}
    ), cover AS (${coverInEffectSql(EP, now, actor.userId)}
    )
    SELECT ep.client_id, c.display_name, c.preferred_name, ep.id AS episode_id, ep.phase, ep.covering,
      s.next_session, s.next_session_zone, s.last_contact_at,
      coalesce(d.n, 0) AS unsigned_notes, coalesce(w.completed, 0) AS homework_completed,
      coalesce(w.overdue, 0) AS overdue_homework,
      coalesce(al.urgent, 0) AS urgent_alerts, coalesce(al.other, 0) AS other_alerts,
      coalesce(um.n, 0) AS unread_messages,
      cv.cover_designee_id, cv.cover_designee_name, cv.cover_therapist_name, cv.cover_ends_at,
      ${practiceTimeZoneSql(actor.practiceId)} AS practice_time_zone
    FROM ep
    JOIN LATERAL (${clientHeadSql({ practiceId: sql`ep.practice_id`, clientId: sql`ep.client_id` })}) c ON true
    LEFT JOIN sessions s ON s.episode_id = ep.id
    LEFT JOIN drafts d ON d.episode_id = ep.id
    LEFT JOIN work w ON w.episode_id = ep.id
    LEFT JOIN open_alerts al ON al.episode_id = ep.id
    LEFT JOIN unread um ON um.episode_id = ep.id
    LEFT JOIN cover cv ON cv.episode_id = ep.id
    ORDER BY s.next_session NULLS LAST, coalesce(c.preferred_name, c.display_name), c.display_name, ep.id`);
  return result.rows.map((r) => ({
    ...r,
    next_session: fromPg(r.next_session),
    last_contact_at: fromPg(r.last_contact_at),
    cover_ends_at: fromPg(r.cover_ends_at),
  }));
}
