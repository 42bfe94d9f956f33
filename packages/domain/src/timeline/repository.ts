import { TIMELINE_TYPES, type TimelineType } from '@throughline/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { appointmentEvents } from '../appointments';
import { homeworkEvents } from '../carry-forward';
import { seesClientSql } from '../clients';
import {
  episodeEvents,
  phaseChangeEvents,
  seesAnyEpisodeOfSql,
  visibleEpisodesSql,
} from '../episodes';
import { noteEvents } from '../notes';
import type { EventBranch } from '../shared/fragment';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';

/**
 * The timeline names no table: each module owns its branches of the one UNION ALL statement
 * (its table, its columns, the purpose of its sealed column) and the timeline assembles them
 * (issue 8, module ownership).
 */

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
  /** Encrypted (homework or episode title), opened by the caller with `sealedPurpose`. */
  sealed: string | null;
  /** The purpose that opens `sealed` (from the owning module's branch); null when nothing is. */
  sealedPurpose: string | null;
  /** The record's own time zone (a session's), null when it has none. */
  time_zone: string | null;
};

/** Whether the actor may see this client at all (their client, or one of their episodes). */
export async function canSeeClient(
  db: Executor,
  actor: SignedIn,
  clientId: string,
): Promise<boolean> {
  const result = await db.execute<{ visible: boolean }>(sql`
    SELECT ${seesClientSql(actor, clientId)} OR ${seesAnyEpisodeOfSql(actor, clientId)} AS visible`);
  return result.rows[0]?.visible === true;
}

const COLUMNS = sql.raw('type, branch, at, episode_id, id, seq, kind, detail, sealed, time_zone');
const EP = sql.raw('ep');

/** The owning module's branches per event type; only the requested types are queried. */
function branchesOf(type: TimelineType, now: Date): EventBranch[] {
  switch (type) {
    case 'episode':
      return [episodeEvents(EP)];
    case 'phase-change':
      return [phaseChangeEvents(EP)];
    case 'appointment':
      return [appointmentEvents(EP, now)];
    case 'note':
      return [noteEvents(EP)];
    case 'homework':
      return homeworkEvents(EP);
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
  const branches = types.flatMap((type) => branchesOf(type, page.now).map((b) => ({ type, ...b })));
  // Each row says which branch made it, so the purpose of its sealed column is the branch's own.
  const parts: SQL[] = branches.map(
    // Literals, not parameters: both come from this file's own lists (TIMELINE_TYPES, an index).
    (b, i) => sql`SELECT ${sql.raw(`'${b.type}'::text, ${i}`)}, * FROM (${b.sql}) AS b`,
  );
  if (parts.length === 0) return [];
  const { after } = page;
  const from = after
    ? sql`WHERE (ev.at, ev.id, ev.seq) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid, ${after.seq})`
    : sql``;
  const result = await db.execute<Raw<Omit<EventRow, 'sealedPurpose'>> & { branch: number }>(sql`
    WITH ep AS (${visibleEpisodesSql(actor, { clientId })})
    SELECT ev.* FROM (${sql.join(parts, sql` UNION ALL `)}) AS ev (${COLUMNS})
    ${from}
    ORDER BY ev.at DESC, ev.id DESC, ev.seq DESC
    LIMIT ${page.limit}`);
  return result.rows.map(({ branch, ...r }) => {
    const purpose = branches[branch]?.sealedPurpose;
    return { ...r, at: fromPg(r.at), sealedPurpose: purpose && r.sealed ? purpose(r.id) : null };
  });
}
