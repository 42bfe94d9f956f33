import { sql } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';

/**
 * The clinical content of an episode, erased by retention (ETHICS.md, record retention), in an
 * order the foreign keys allow (children first). Each entry deletes the rows of one table that
 * belong to the episode, directly or through their parent.
 */
type Erasure = { table: string; where: 'episode' | { parent: string; key: string } };

export const ERASED: readonly Erasure[] = [
  { table: 'aftercare_queue', where: 'episode' },
  { table: 'check_ins', where: 'episode' },
  { table: 'readiness_views', where: 'episode' },
  { table: 'ending_summaries', where: 'episode' },
  { table: 'agreement_responses', where: { parent: 'agreement_versions', key: 'version_id' } },
  { table: 'agreement_versions', where: { parent: 'agreements', key: 'agreement_id' } },
  { table: 'agreements', where: 'episode' },
  { table: 'alerts', where: 'episode' },
  { table: 'measure_tasks', where: 'episode' },
  { table: 'progress_shares', where: 'episode' },
  { table: 'responses', where: 'episode' },
  { table: 'measurement_plans', where: 'episode' },
  { table: 'goal_review_ratings', where: { parent: 'goals', key: 'goal_id' } },
  { table: 'goal_client_ratings', where: { parent: 'goals', key: 'goal_id' } },
  { table: 'goal_reviews', where: 'episode' },
  { table: 'discussion_items', where: 'episode' },
  { table: 'goals', where: 'episode' },
  { table: 'treatment_plans', where: 'episode' },
  { table: 'homework', where: 'episode' },
  { table: 'threads', where: 'episode' },
  { table: 'messages', where: 'episode' },
  { table: 'note_addenda', where: { parent: 'notes', key: 'note_id' } },
  { table: 'notes', where: 'episode' },
  { table: 'psychotherapy_notes', where: 'episode' },
  { table: 'attachments', where: 'episode' },
  { table: 'boundary_entries', where: 'episode' },
  { table: 'appointments', where: 'episode' },
  { table: 'appointment_series', where: 'episode' },
];

/**
 * Tables with an `episode_id` whose rows stay: the episode itself (its title is replaced), the
 * phase changes and the ending (their sealed reasons are replaced: who and when stay), the cover
 * that named it, and the tombstone. Every table with an `episode_id` column is in one of the two
 * lists (a test checks it), so a new table must decide.
 */
export const KEPT: readonly string[] = [
  'episode_phase_changes',
  'episode_endings',
  'cover_episodes',
  'episode_destructions',
];

/** Deletes the episode's clinical content; the number of rows erased per table. */
export async function eraseEpisodeContent(
  tx: Executor,
  practiceId: string,
  episodeId: string,
): Promise<Record<string, number>> {
  const erased: Record<string, number> = {};
  for (const { table, where } of ERASED) {
    const t = sql.identifier(table);
    const scope =
      where === 'episode'
        ? sql`practice_id = ${practiceId} AND episode_id = ${episodeId}`
        : sql`practice_id = ${practiceId} AND ${sql.identifier(where.key)} IN (
            SELECT id FROM ${sql.identifier(where.parent)}
             WHERE ${parentScope(where.parent, practiceId, episodeId)})`;
    const result = await tx.execute(sql`DELETE FROM ${t} WHERE ${scope}`);
    const count = result.rowCount ?? 0;
    if (count > 0) erased[table] = count;
  }
  return erased;
}

/** A parent is scoped by its episode directly, or by its own parent (agreement versions). */
function parentScope(parent: string, practiceId: string, episodeId: string) {
  if (parent === 'agreement_versions') {
    return sql`practice_id = ${practiceId} AND agreement_id IN (SELECT id FROM agreements
      WHERE practice_id = ${practiceId} AND episode_id = ${episodeId})`;
  }
  return sql`practice_id = ${practiceId} AND episode_id = ${episodeId}`;
}
