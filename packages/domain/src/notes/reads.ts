import { type SQL, sql } from 'drizzle-orm';
import { sessionStartSql } from '../appointments';
import type { EventBranch } from '../shared/fragment';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';
import { notes } from './tables';

/**
 * The notes module's reads for other modules' read models (brief, caseload, timeline): session
 * notes are named only here and in the module's own files (module ownership, issue 8).
 * Psychotherapy notes are never read by any of these.
 */

export type NoteHeadRow = {
  id: string;
  status: 'draft' | 'signed';
  /** Sealed (`notePurpose.body`); empty for a draft, whose body the brief never opens. */
  body: string;
  appointment_id: string | null;
  at: Date;
  which: 'latest' | 'signed';
};

/**
 * The latest note of the episode before `before` (by its session's start, or its creation when it
 * has no session) and the latest signed one: at most two rows, one round trip.
 */
export async function findLatestNotes(
  db: Executor,
  practiceId: string,
  episodeId: string,
  before: Date,
): Promise<NoteHeadRow[]> {
  // The session time comes from a correlated lookup (one primary-key probe per note of this
  // episode), which keeps the planner from hash-joining every appointment of the practice.
  const head = (signedOnly: boolean, which: string) => sql`(
    SELECT id, status, body, appointment_id, at, ${which} AS which FROM (
      SELECT n.id, n.status, CASE WHEN n.status = 'signed' THEN n.body ELSE '' END AS body,
        n.appointment_id,
        coalesce(${sessionStartSql({ practiceId: sql`n.practice_id`, appointmentId: sql`n.appointment_id` })}, n.created_at) AS at
      FROM ${notes} n
      WHERE n.practice_id = ${practiceId}::uuid AND n.episode_id = ${episodeId}::uuid
        ${signedOnly ? sql`AND n.status = 'signed'` : sql``}
    ) episode_notes
    WHERE at < ${before.toISOString()}::timestamptz
    ORDER BY at DESC, id DESC LIMIT 1)`;
  const result = await db.execute<Raw<NoteHeadRow>>(
    sql`${head(false, 'latest')} UNION ALL ${head(true, 'signed')}`,
  );
  return result.rows.map((r) => ({ ...r, at: fromPg(r.at) }));
}

/** Drafts older than this need attention (a note is best written within a day of the session). */
export const UNSIGNED_AFTER_HOURS = 24;

/**
 * For a CTE: `episode_id, n` — per episode in `ep` (`practice_id`, `id`), how many session notes
 * are still drafts more than UNSIGNED_AFTER_HOURS after they were started. Episodes with none
 * have no row.
 */
export function overdueDraftCountsSql(ep: SQL, now: Date): SQL {
  return sql`SELECT n.episode_id, count(*)::int AS n FROM ${notes} n
      JOIN ${ep} ep ON n.practice_id = ep.practice_id AND n.episode_id = ep.id
    WHERE n.status = 'draft'
      AND n.created_at < ${now.toISOString()}::timestamptz - make_interval(hours => ${UNSIGNED_AFTER_HOURS})
    GROUP BY n.episode_id`;
}

/** Timeline branch: each session note of the episodes in `ep`, kind its status, detail its template. */
export function noteEvents(ep: SQL): EventBranch {
  // Session notes only: psychotherapy notes live in their own table and never appear here.
  return {
    sql: sql`SELECT coalesce(n.signed_at, n.created_at), n.episode_id, n.id, 0, n.status,
      n.template::text, NULL::text, NULL::text
      FROM ${notes} n JOIN ${ep} ep ON n.practice_id = ep.practice_id AND n.episode_id = ep.id`,
    sealedPurpose: null,
  };
}
