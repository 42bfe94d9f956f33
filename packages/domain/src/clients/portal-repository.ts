import { sql } from 'drizzle-orm';
import type { SignedIn } from '../access/actor';
import { episodesVisibleTo } from '../access/episode-scope';
import { appointments } from '../appointments/tables';
import { attachments, homework } from '../carry-forward/tables';
import { episodes } from '../episodes/tables';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';
import { clients } from './tables';

/** The portal's reads: only the client's own episodes (the episode predicate for a client). */

export type PortalSessionRow = {
  id: string;
  starts_at: Date;
  ends_at: Date;
  modality: 'in-person' | 'video' | 'phone';
  time_zone: string;
};

export async function listUpcomingSessions(
  db: Executor,
  actor: SignedIn,
  now: Date,
  limit: number,
): Promise<PortalSessionRow[]> {
  const result = await db.execute<Raw<PortalSessionRow>>(sql`
    SELECT a.id, a.starts_at, a.ends_at, a.modality, c.time_zone
    FROM ${appointments} a
    JOIN ${episodes} ON ${episodes.practiceId} = a.practice_id AND ${episodes.id} = a.episode_id
    JOIN ${clients} c ON c.practice_id = ${episodes.practiceId} AND c.id = ${episodes.clientId}
    WHERE ${episodesVisibleTo(actor)} AND a.status = 'scheduled'
      AND a.starts_at >= ${now.toISOString()}::timestamptz
    ORDER BY a.starts_at, a.id
    LIMIT ${limit}`);
  return result.rows.map((r) => ({
    ...r,
    starts_at: fromPg(r.starts_at),
    ends_at: fromPg(r.ends_at),
  }));
}

export type PortalHomeworkRow = {
  id: string;
  title: string;
  instructions: string;
  due_on: string | null;
  status: 'assigned' | 'done';
  link: string | null;
  completed_at: Date | null;
  client_comment: string | null;
  attachment_id: string | null;
  attachment_file_name: string | null;
};

/** Open homework, and homework done since `doneSince`, across the client's episodes. */
export async function listPortalHomeworkRows(
  db: Executor,
  actor: SignedIn,
  doneSince: Date,
): Promise<PortalHomeworkRow[]> {
  const result = await db.execute<Raw<PortalHomeworkRow>>(sql`
    SELECT h.id, h.title, h.instructions, h.due_on::text AS due_on, h.status, h.link,
      h.completed_at, h.client_comment, att.id AS attachment_id, att.file_name AS attachment_file_name
    FROM ${homework} h
    JOIN ${episodes} ON ${episodes.practiceId} = h.practice_id AND ${episodes.id} = h.episode_id
    LEFT JOIN ${attachments} att ON att.practice_id = h.practice_id AND att.id = h.attachment_id
    WHERE ${episodesVisibleTo(actor)}
      AND (h.status = 'assigned' OR h.completed_at >= ${doneSince.toISOString()}::timestamptz)
    ORDER BY h.status, h.due_on NULLS LAST, h.created_at DESC, h.id`);
  return result.rows.map((r) => ({ ...r, completed_at: fromPg(r.completed_at) }));
}
