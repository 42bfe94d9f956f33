import { and, eq, sql } from 'drizzle-orm';
import { fromPg } from '../shared/local-time';
import type { Executor } from '../shared/transaction';
import { episodeDestructions, retentionSettings } from './tables';

// Retention reads across the record (appointments, clients, episodes) by SQL, by design: it is
// the one module that looks at an episode as a whole record to be kept or destroyed.

export type RetentionSettingsRow = typeof retentionSettings.$inferSelect;

export async function findSettings(
  db: Executor,
  practiceId: string,
): Promise<RetentionSettingsRow | undefined> {
  const [row] = await db
    .select()
    .from(retentionSettings)
    .where(eq(retentionSettings.practiceId, practiceId));
  return row;
}

export async function upsertSettings(db: Executor, row: RetentionSettingsRow): Promise<void> {
  const { practiceId: _, ...set } = row;
  await db
    .insert(retentionSettings)
    .values(row)
    .onConflictDoUpdate({ target: retentionSettings.practiceId, set });
}

/** What the retention clock needs about one closed episode. */
export type RetentionFacts = {
  episodeId: string;
  clientId: string;
  clientName: string;
  therapistName: string;
  closedAt: Date;
  /** The latest attended session, else the closing. */
  lastServiceAt: Date;
  /** Sealed (clients' `dateOfBirth` purpose). */
  sealedDateOfBirth: string | null;
  practiceTimeZone: string;
  destroyed: boolean;
};

const FACTS = sql`SELECT e.id AS episode_id, e.client_id, c.display_name AS client_name,
    u.display_name AS therapist_name, e.closed_at, c.date_of_birth, p.time_zone,
    coalesce((SELECT max(a.starts_at) FROM appointments a
       WHERE a.practice_id = e.practice_id AND a.episode_id = e.id AND a.status = 'attended'),
     e.closed_at) AS last_service_at,
    EXISTS (SELECT 1 FROM episode_destructions d
       WHERE d.practice_id = e.practice_id AND d.episode_id = e.id) AS destroyed
  FROM episodes e
  JOIN clients c ON c.practice_id = e.practice_id AND c.id = e.client_id
  JOIN users u ON u.practice_id = e.practice_id AND u.id = e.therapist_id
  JOIN practices p ON p.id = e.practice_id`;

type FactsRow = {
  episode_id: string;
  client_id: string;
  client_name: string;
  therapist_name: string;
  closed_at: string | Date;
  date_of_birth: string | null;
  time_zone: string;
  last_service_at: string | Date;
  destroyed: boolean;
};

const asDate = (v: string | Date): Date => (v instanceof Date ? v : fromPg(v));

const toFacts = (r: FactsRow): RetentionFacts => ({
  episodeId: r.episode_id,
  clientId: r.client_id,
  clientName: r.client_name,
  therapistName: r.therapist_name,
  closedAt: asDate(r.closed_at),
  lastServiceAt: asDate(r.last_service_at),
  sealedDateOfBirth: r.date_of_birth,
  practiceTimeZone: r.time_zone,
  destroyed: r.destroyed,
});

/** The retention facts of one closed episode of the practice (undefined if not closed). */
export async function findFacts(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<RetentionFacts | undefined> {
  const result = await db.execute<FactsRow>(
    sql`${FACTS} WHERE e.practice_id = ${practiceId} AND e.id = ${episodeId}
      AND e.phase = 'closed' AND e.closed_at IS NOT NULL`,
  );
  const row = result.rows[0];
  return row ? toFacts(row) : undefined;
}

/** Every closed, not yet destroyed episode of the practice, oldest closing first. */
export async function listClosedFacts(db: Executor, practiceId: string): Promise<RetentionFacts[]> {
  const result = await db.execute<FactsRow>(
    sql`${FACTS} WHERE e.practice_id = ${practiceId} AND e.phase = 'closed'
      AND e.closed_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM episode_destructions d
        WHERE d.practice_id = e.practice_id AND d.episode_id = e.id)
      ORDER BY e.closed_at, e.id`,
  );
  return result.rows.map(toFacts);
}

export type DestructionRow = typeof episodeDestructions.$inferSelect;

export async function insertDestruction(db: Executor, row: DestructionRow): Promise<boolean> {
  const inserted = await db
    .insert(episodeDestructions)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: episodeDestructions.id });
  return inserted.length > 0;
}

export async function findDestruction(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<DestructionRow | undefined> {
  const [row] = await db
    .select()
    .from(episodeDestructions)
    .where(
      and(
        eq(episodeDestructions.practiceId, practiceId),
        eq(episodeDestructions.episodeId, episodeId),
      ),
    );
  return row;
}
