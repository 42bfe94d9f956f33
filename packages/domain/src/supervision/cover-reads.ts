import { type SQL, sql } from 'drizzle-orm';
import { coverInEffectAt } from '../access';
import { userNameSql } from '../identity';
import type { Executor } from '../shared/transaction';
import { listCoverInEffect } from './repository';
import { coverArrangements, coverEpisodes } from './tables';

/** Cover in effect for one episode: who covers for whom, and until when. */
export type CoverInEffect = {
  therapistId: string;
  therapistName: string;
  designeeId: string;
  designeeName: string;
  endsAt: Date;
};

/**
 * Cover in effect at `at` per episode of `ep` (a CTE of episodes with `practice_id` and `id`),
 * for a read model such as the caseload: one row per covered episode — the cover given to
 * `viewerId` when there is one, else the one that ends last. "In effect" is the kernel's rule
 * (`coverInEffectAt`).
 */
export function coverInEffectSql(ep: SQL, at: Date, viewerId?: string): SQL {
  const ca = coverArrangements;
  const mine = viewerId ? sql`${ca.designeeId} = ${viewerId}::uuid` : sql`false`;
  return sql`SELECT DISTINCT ON (${coverEpisodes.episodeId}) ${coverEpisodes.episodeId} AS episode_id,
      ${ca.endsAt} AS cover_ends_at, ${ca.designeeId} AS cover_designee_id,
      ${userNameSql(sql`${ca.practiceId}`, sql`${ca.designeeId}`)} AS cover_designee_name,
      ${userNameSql(sql`${ca.practiceId}`, sql`${ca.therapistId}`)} AS cover_therapist_name
    FROM ${coverEpisodes}
    JOIN ${ep} ep ON ep.practice_id = ${coverEpisodes.practiceId} AND ep.id = ${coverEpisodes.episodeId}
    JOIN ${ca} ON ${ca.practiceId} = ${coverEpisodes.practiceId} AND ${ca.id} = ${coverEpisodes.coverId}
    WHERE ${coverInEffectAt(at)}
    ORDER BY ${coverEpisodes.episodeId}, ${mine} DESC, ${ca.endsAt} DESC`;
}

/** The cover in effect at `at` for one episode, or null (the one that ends last). */
export async function findCoverInEffect(
  db: Executor,
  episode: { practiceId: string; id: string },
  at: Date,
): Promise<CoverInEffect | null> {
  const [row] = await listCoverInEffect(
    db,
    sql`SELECT ${episode.practiceId}::uuid AS practice_id, ${episode.id}::uuid AS id`,
    at,
  );
  return row
    ? {
        therapistId: row.therapistId,
        therapistName: row.therapistName,
        designeeId: row.designeeId,
        designeeName: row.designeeName,
        endsAt: row.endsAt,
      }
    : null;
}
