import { type SQL, sql } from 'drizzle-orm';
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
 * for a read model such as the caseload: one row per covered episode (the cover that ends last
 * when two overlap). "In effect" is the kernel's rule: started, not ended, not cancelled.
 */
export function coverInEffectSql(ep: SQL, at: Date): SQL {
  const iso = at.toISOString();
  return sql`SELECT DISTINCT ON (ce.episode_id) ce.episode_id, ca.ends_at AS cover_ends_at,
      ${userNameSql(sql`ca.practice_id`, sql`ca.designee_id`)} AS cover_designee_name
    FROM ${coverEpisodes} ce
    JOIN ${ep} ep ON ep.practice_id = ce.practice_id AND ep.id = ce.episode_id
    JOIN ${coverArrangements} ca ON ca.practice_id = ce.practice_id AND ca.id = ce.cover_id
    WHERE ca.cancelled_at IS NULL AND ca.starts_at <= ${iso}::timestamptz
      AND ca.ends_at > ${iso}::timestamptz
    ORDER BY ce.episode_id, ca.ends_at DESC`;
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
