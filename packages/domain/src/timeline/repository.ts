import { TIMELINE_TYPES, type TimelineType } from '@throughline/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { SignedIn } from '../access/actor';
import { episodesVisibleTo } from '../access/episode-scope';
import { appointments } from '../appointments/tables';
import { homework } from '../carry-forward/tables';
import { visibleTo as clientsVisibleTo } from '../clients/repository';
import { clients } from '../clients/tables';
import { episodePhaseChanges, episodes } from '../episodes/tables';
import { notes } from '../notes/tables';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';

export { TIMELINE_TYPES, type TimelineType };

/** Position in the timeline: newest first by (at, id, seq); seq tells apart two events of one record. */
export type TimelineCursor = { at: Date; id: string; seq: number };

export type EventRow = {
  type: TimelineType;
  at: Date;
  episode_id: string;
  id: string;
  seq: number;
  /** What happened, by kind of record (a status, a template, "from>to"): never clinical text. */
  kind: string;
  detail: string | null;
  /** Encrypted homework or episode title, decrypted by the caller. */
  sealed: string | null;
};

/** Whether the actor may see this client at all (their client, or one of their episodes). */
export async function canSeeClient(
  db: Executor,
  actor: SignedIn,
  clientId: string,
): Promise<boolean> {
  const result = await db.execute<{ visible: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM ${clients} WHERE ${and(clientsVisibleTo(actor), eq(clients.id, clientId))})
      OR EXISTS (SELECT 1 FROM ${episodes} WHERE ${and(episodesVisibleTo(actor), eq(episodes.clientId, clientId))})
      AS visible`);
  return result.rows[0]?.visible === true;
}

const COLUMNS = sql.raw('type, at, episode_id, id, seq, kind, detail, sealed');

/** One or two branches of the UNION ALL per event type; only the requested types are queried. */
function branches(type: TimelineType, now: string): SQL[] {
  switch (type) {
    case 'episode':
      return [
        sql`SELECT 'episode', ep.opened_at, ep.id, ep.id, 0,
          CASE WHEN ep.previous_episode_id IS NULL THEN 'opened' ELSE 'returned' END,
          NULL::text, ep.title FROM ep`,
      ];
    case 'phase-change':
      return [
        sql`SELECT 'phase-change', pc.changed_at, pc.episode_id, pc.id, 0, 'phase',
          coalesce(pc.from_phase::text, '') || '>' || pc.to_phase::text, NULL::text
          FROM ${episodePhaseChanges} pc JOIN ep ON pc.practice_id = ep.practice_id AND pc.episode_id = ep.id`,
      ];
    case 'appointment':
      // Past sessions and what became of them; future scheduled ones are not history yet.
      return [
        sql`SELECT 'appointment', a.starts_at, a.episode_id, a.id, 0, a.status::text,
          concat_ws(':', a.cancelled_by, CASE WHEN a.late_cancellation THEN 'late' END), NULL::text
          FROM ${appointments} a JOIN ep ON a.practice_id = ep.practice_id AND a.episode_id = ep.id
          WHERE a.status <> 'scheduled' OR a.starts_at <= ${now}::timestamptz`,
      ];
    case 'note':
      // Session notes only: psychotherapy notes live in their own table and never appear here.
      return [
        sql`SELECT 'note', coalesce(n.signed_at, n.created_at), n.episode_id, n.id, 0, n.status,
          n.template::text, NULL::text
          FROM ${notes} n JOIN ep ON n.practice_id = ep.practice_id AND n.episode_id = ep.id`,
      ];
    case 'homework':
      return [
        sql`SELECT 'homework', h.created_at, h.episode_id, h.id, 0, 'set', NULL::text, h.title
          FROM ${homework} h JOIN ep ON h.practice_id = ep.practice_id AND h.episode_id = ep.id`,
        sql`SELECT 'homework', h.completed_at, h.episode_id, h.id, 1, 'done', NULL::text, h.title
          FROM ${homework} h JOIN ep ON h.practice_id = ep.practice_id AND h.episode_id = ep.id
          WHERE h.completed_at IS NOT NULL`,
      ];
  }
}

/**
 * A page of the client's timeline across every episode the actor may see: one UNION ALL query,
 * keyset-paginated on (at, id, seq), newest first.
 */
export async function listEvents(
  db: Executor,
  actor: SignedIn,
  clientId: string,
  types: readonly TimelineType[],
  page: { limit: number; after: TimelineCursor | undefined; now: Date },
): Promise<EventRow[]> {
  const parts = types.flatMap((t) => branches(t, page.now.toISOString()));
  if (parts.length === 0) return [];
  const { after } = page;
  const from = after
    ? sql`WHERE (ev.at, ev.id, ev.seq) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid, ${after.seq})`
    : sql``;
  const result = await db.execute<Raw<EventRow>>(sql`
    WITH ep AS (
      SELECT * FROM ${episodes}
      WHERE ${and(episodesVisibleTo(actor), eq(episodes.clientId, clientId))}
    )
    SELECT ev.* FROM (${sql.join(parts, sql` UNION ALL `)}) AS ev (${COLUMNS})
    ${from}
    ORDER BY ev.at DESC, ev.id DESC, ev.seq DESC
    LIMIT ${page.limit}`);
  return result.rows.map((r) => ({ ...r, at: fromPg(r.at) }));
}
