import { sql } from 'drizzle-orm';
import {
  type AnchorRow,
  attendedSessionsSql,
  briefSessionSql,
  lastScheduledStartSql,
} from '../appointments';
import { type ClientHeadRow, clientHeadSql } from '../clients';
import { admittedEpisodeSql, type EpisodeHeadRow } from '../episodes';
import { practiceTimeZoneSql } from '../identity';
import { fromPg } from '../shared/local-time';
import type { Executor } from '../shared/transaction';

/**
 * Data access for the pre-session brief. The brief names no table: each module owns its part of
 * the one scope statement (issue 8, module ownership) and the brief assembles them. Every query is
 * scoped to the actor's practice and to an episode the kernel admitted the actor to
 * (`performOnEpisode`: the therapist, a consented supervisor, a designee covering; the section
 * queries take the episode id this query returned).
 * Psychotherapy notes are never read here.
 */

export type ScopeRow = {
  id: string;
  phase: EpisodeHeadRow['phase'];
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

/** The statement's row as PostgreSQL returns it, built from the owning modules' row types. */
type RawScope = Omit<EpisodeHeadRow, 'practice_id' | 'therapist_id'> &
  ClientHeadRow & {
    practice_time_zone: string;
    appointment_id: AnchorRow['id'] | null;
    appointment_starts_at: AnchorRow['starts_at'] | null;
    appointment_ends_at: AnchorRow['ends_at'] | null;
    last_attended_id: string | null;
    last_attended_at: string | null;
    attended_before: number;
    last_scheduled_at: string | null;
    requested_found: boolean;
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
  practiceId: string,
  episodeId: string,
  appointmentId: string | undefined,
  now: Date,
): Promise<(ScopeRow & { requested_found: boolean }) | undefined> {
  const at = now.toISOString();
  const result = await db.execute<RawScope>(sql`
    WITH ep AS (${admittedEpisodeSql(practiceId, episodeId)}
    ), anchor AS (${briefSessionSql({ practiceId, episodeId, appointmentId, at: now })}
    ), attended AS (${attendedSessionsSql({
      practiceId,
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
      c.display_name, c.preferred_name, c.pronouns, c.client_time_zone,
      ${practiceTimeZoneSql(sql`ep.practice_id`)} AS practice_time_zone,
      anchor.id AS appointment_id, anchor.starts_at AS appointment_starts_at,
      anchor.ends_at AS appointment_ends_at,
      last.id AS last_attended_id, last.starts_at AS last_attended_at,
      (SELECT count(*)::int FROM attended) AS attended_before,
      ${lastScheduledStartSql({ practiceId: sql`ep.practice_id`, episodeId: sql`ep.id` })} AS last_scheduled_at,
      (anchor.id IS NOT NULL OR ${appointmentId ?? null}::uuid IS NULL) AS requested_found
    FROM ep
    JOIN LATERAL (${clientHeadSql({ practiceId: sql`ep.practice_id`, clientId: sql`ep.client_id` })}) c ON true
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
