import { sql } from 'drizzle-orm';
import type { SignedIn } from '../access/actor';
import { episodesVisibleTo } from '../access/episode-scope';
import { attendedSessionsSql } from '../appointments';
import { appointments } from '../appointments/tables';
import { homework, threads } from '../carry-forward/tables';
import { clients } from '../clients/tables';
import { episodes } from '../episodes/tables';
import { practices } from '../identity/tables';
import { notes } from '../notes/tables';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';

/**
 * Data access for the pre-session brief. Every query is scoped to the actor's practice and to an
 * episode the actor may see (the scope query applies the episode predicate; the section queries
 * take the episode id that query returned). Psychotherapy notes are never read here.
 */

export type ScopeRow = {
  id: string;
  phase: 'intake' | 'active' | 'ending' | 'aftercare' | 'closed';
  title: string;
  opened_at: Date;
  previous_episode_id: string | null;
  client_id: string;
  display_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  client_time_zone: string;
  practice_time_zone: string;
  appointment_id: string | null;
  appointment_starts_at: Date | null;
  appointment_ends_at: Date | null;
  last_attended_id: string | null;
  last_attended_at: Date | null;
  attended_before: number;
  last_scheduled_at: Date | null;
};

/**
 * The session CTEs name the episode by id (not by joining `ep`): a materialised CTE hides the
 * episode from the planner, which then scans every appointment of the practice. They return
 * nothing useful unless `ep` — the visibility check — yields the episode, since the final
 * SELECT starts from it.
 *
 * The episode (if visible), its client, the practice zone, the brief's appointment (the one asked
 * for, which must belong to the episode, else the next scheduled one), the last attended session
 * before it and the attended count: one round trip. `appointment_id` is null when none applies;
 * `requested_found` tells an unknown `?appointment=` apart from "nothing scheduled".
 */
export async function findScope(
  db: Executor,
  actor: SignedIn,
  episodeId: string,
  appointmentId: string | undefined,
  now: Date,
): Promise<(ScopeRow & { requested_found: boolean }) | undefined> {
  const at = now.toISOString();
  const anchor = appointmentId
    ? sql`a.id = ${appointmentId}::uuid`
    : sql`a.status = 'scheduled' AND a.starts_at >= ${at}::timestamptz`;
  const result = await db.execute<Raw<ScopeRow> & { requested_found: boolean }>(sql`
    WITH ep AS (
      SELECT * FROM ${episodes} WHERE ${episodesVisibleTo(actor)} AND ${episodes.id} = ${episodeId}::uuid
    ), anchor AS (
      SELECT a.id, a.starts_at, a.ends_at FROM ${appointments} a
      WHERE a.practice_id = ${actor.practiceId}::uuid AND a.episode_id = ${episodeId}::uuid
        AND ${anchor}
      ORDER BY a.starts_at LIMIT 1
    ), attended AS (${attendedSessionsSql({
      practiceId: actor.practiceId,
      episodeId,
      // Sessions before the brief's one, which is itself never counted (it is the one being
      // prepared, or looked back from); without one, those before now. Both kinds count.
      bound: { startedBefore: sql`coalesce((SELECT starts_at FROM anchor), ${at}::timestamptz)` },
      kind: 'any',
    })}
    ), last AS (
      SELECT id, starts_at FROM attended ORDER BY starts_at DESC LIMIT 1
    )
    SELECT ep.id, ep.phase, ep.title, ep.opened_at, ep.previous_episode_id, ep.client_id,
      c.display_name, c.preferred_name, c.pronouns, c.time_zone AS client_time_zone,
      p.time_zone AS practice_time_zone,
      anchor.id AS appointment_id, anchor.starts_at AS appointment_starts_at,
      anchor.ends_at AS appointment_ends_at,
      last.id AS last_attended_id, last.starts_at AS last_attended_at,
      (SELECT count(*)::int FROM attended) AS attended_before,
      (SELECT max(a.starts_at) FROM ${appointments} a
        WHERE a.practice_id = ep.practice_id AND a.episode_id = ep.id AND a.status = 'scheduled'
      ) AS last_scheduled_at,
      (anchor.id IS NOT NULL OR ${appointmentId ?? null}::uuid IS NULL) AS requested_found
    FROM ep
    JOIN ${clients} c ON c.practice_id = ep.practice_id AND c.id = ep.client_id
    JOIN ${practices} p ON p.id = ep.practice_id
    LEFT JOIN anchor ON true
    LEFT JOIN last ON true`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    ...row,
    opened_at: fromPg(row.opened_at),
    appointment_starts_at: fromPg(row.appointment_starts_at),
    appointment_ends_at: fromPg(row.appointment_ends_at),
    last_attended_at: fromPg(row.last_attended_at),
    last_scheduled_at: fromPg(row.last_scheduled_at),
  };
}

export type NoteHeadRow = {
  id: string;
  status: 'draft' | 'signed';
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
        coalesce((SELECT a.starts_at FROM ${appointments} a
          WHERE a.practice_id = n.practice_id AND a.id = n.appointment_id), n.created_at) AS at
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

export type ThreadRow = { id: string; title: string; opened_at: Date };

export async function listOpenThreads(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<ThreadRow[]> {
  const result = await db.execute<Raw<ThreadRow>>(sql`
    SELECT t.id, t.title, t.opened_at FROM ${threads} t
    WHERE t.practice_id = ${practiceId}::uuid AND t.episode_id = ${episodeId}::uuid
      AND t.closed_at IS NULL
    ORDER BY t.opened_at, t.id`);
  return result.rows.map((r) => ({ ...r, opened_at: fromPg(r.opened_at) }));
}

export type HomeworkRow = {
  id: string;
  title: string;
  status: 'assigned' | 'done';
  due_on: string | null;
  completed_at: Date | null;
  client_comment: string | null;
};

/** Open homework, and homework completed since `since` (all completed when null). */
export async function listHomeworkSince(
  db: Executor,
  practiceId: string,
  episodeId: string,
  since: Date | null,
): Promise<HomeworkRow[]> {
  const done = since ? sql`h.completed_at >= ${since.toISOString()}::timestamptz` : sql`true`;
  const result = await db.execute<Raw<HomeworkRow>>(sql`
    SELECT h.id, h.title, h.status, h.due_on::text AS due_on, h.completed_at, h.client_comment
    FROM ${homework} h
    WHERE h.practice_id = ${practiceId}::uuid AND h.episode_id = ${episodeId}::uuid
      AND (h.status = 'assigned' OR (h.status = 'done' AND ${done}))
    ORDER BY h.status, h.due_on NULLS LAST, h.created_at, h.id`);
  return result.rows.map((r) => ({ ...r, completed_at: fromPg(r.completed_at) }));
}
