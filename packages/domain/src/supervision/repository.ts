import { and, desc, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import { coverInEffectAt } from '../access';
import { clientHeadSql } from '../clients';
import { practiceEpisodesSql } from '../episodes';
import { userNameSql } from '../identity';
import type { Executor } from '../shared/transaction';
import { coverArrangements, coverEpisodes, supervisionAssignments } from './tables';

/** Data access for supervision assignments and cover; every query carries the practice. */

export type AssignmentRow = typeof supervisionAssignments.$inferSelect & {
  supervisorName: string;
  therapistName: string;
};
export type CoverRow = typeof coverArrangements.$inferSelect & {
  therapistName: string;
  designeeName: string;
};

const a = supervisionAssignments;
const c = coverArrangements;

export function listLiveAssignments(db: Executor, practiceId: string): Promise<AssignmentRow[]> {
  return db
    .select({
      ...SELECT_ASSIGNMENT,
      supervisorName: sql<string>`${userNameSql(sql`${a.practiceId}`, sql`${a.supervisorId}`)}`,
      therapistName: sql<string>`${userNameSql(sql`${a.practiceId}`, sql`${a.therapistId}`)}`,
    })
    .from(a)
    .where(and(eq(a.practiceId, practiceId), isNull(a.endedAt)))
    .orderBy(a.assignedAt);
}

const SELECT_ASSIGNMENT = {
  practiceId: a.practiceId,
  id: a.id,
  supervisorId: a.supervisorId,
  therapistId: a.therapistId,
  assignedBy: a.assignedBy,
  assignedAt: a.assignedAt,
  endedAt: a.endedAt,
};

export async function findLiveAssignment(
  db: Executor,
  practiceId: string,
  q: { supervisorId: string; therapistId: string } | { id: string },
): Promise<AssignmentRow | undefined> {
  const which: SQL =
    'id' in q
      ? eq(a.id, q.id)
      : (and(eq(a.supervisorId, q.supervisorId), eq(a.therapistId, q.therapistId)) as SQL);
  const [row] = await db
    .select({
      ...SELECT_ASSIGNMENT,
      supervisorName: sql<string>`${userNameSql(sql`${a.practiceId}`, sql`${a.supervisorId}`)}`,
      therapistName: sql<string>`${userNameSql(sql`${a.practiceId}`, sql`${a.therapistId}`)}`,
    })
    .from(a)
    .where(and(eq(a.practiceId, practiceId), isNull(a.endedAt), which))
    .for('update', { of: a });
  return row;
}

export async function insertAssignment(
  db: Executor,
  values: typeof supervisionAssignments.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(a).values(values).returning({ id: a.id });
  if (!row) throw new Error('assignment not inserted');
  return row.id;
}

export async function endAssignment(
  db: Executor,
  practiceId: string,
  id: string,
  at: Date,
): Promise<void> {
  await db
    .update(a)
    .set({ endedAt: at })
    .where(and(eq(a.practiceId, practiceId), eq(a.id, id)));
}

const SELECT_COVER = {
  practiceId: c.practiceId,
  id: c.id,
  therapistId: c.therapistId,
  designeeId: c.designeeId,
  startsAt: c.startsAt,
  endsAt: c.endsAt,
  createdAt: c.createdAt,
  cancelledAt: c.cancelledAt,
  therapistName: sql<string>`${userNameSql(sql`${c.practiceId}`, sql`${c.therapistId}`)}`,
  designeeName: sql<string>`${userNameSql(sql`${c.practiceId}`, sql`${c.designeeId}`)}`,
};

/** Cover a therapist arranged or gives, not yet over at `now` and not cancelled, soonest first. */
export function listCovers(
  db: Executor,
  practiceId: string,
  who: { therapistId: string } | { designeeId: string },
  now: Date,
): Promise<CoverRow[]> {
  const party =
    'therapistId' in who ? eq(c.therapistId, who.therapistId) : eq(c.designeeId, who.designeeId);
  return db
    .select(SELECT_COVER)
    .from(c)
    .where(and(eq(c.practiceId, practiceId), party, isNull(c.cancelledAt), gt(c.endsAt, now)))
    .orderBy(c.startsAt);
}

export async function findCover(
  db: Executor,
  practiceId: string,
  id: string,
  therapistId: string,
): Promise<CoverRow | undefined> {
  const [row] = await db
    .select(SELECT_COVER)
    .from(c)
    .where(and(eq(c.practiceId, practiceId), eq(c.id, id), eq(c.therapistId, therapistId)))
    .for('update', { of: c });
  return row;
}

export async function insertCover(
  db: Executor,
  values: typeof coverArrangements.$inferInsert,
  episodeIds: string[],
): Promise<string> {
  const [row] = await db.insert(c).values(values).returning({ id: c.id });
  if (!row) throw new Error('cover not inserted');
  await db.insert(coverEpisodes).values(
    episodeIds.map((episodeId) => ({
      practiceId: values.practiceId,
      coverId: row.id,
      episodeId,
    })),
  );
  return row.id;
}

export async function cancelCover(
  db: Executor,
  practiceId: string,
  id: string,
  at: Date,
): Promise<void> {
  await db
    .update(c)
    .set({ cancelledAt: at })
    .where(and(eq(c.practiceId, practiceId), eq(c.id, id)));
}

export type CoveredEpisode = { id: string; clientName: string };

/** The episodes each cover names, with the client's name (preferred name first). */
export async function listCoverEpisodes(
  db: Executor,
  practiceId: string,
  coverIds: string[],
): Promise<Map<string, CoveredEpisode[]>> {
  const out = new Map<string, CoveredEpisode[]>();
  if (coverIds.length === 0) return out;
  const result = await db.execute<{ cover_id: string; id: string; client_name: string }>(sql`
    SELECT ce.cover_id, ep.id, coalesce(c.preferred_name, c.display_name) AS client_name
    FROM ${coverEpisodes} ce
    JOIN (${practiceEpisodesSql(practiceId)}) ep ON ep.id = ce.episode_id
    JOIN LATERAL (${clientHeadSql({ practiceId: sql`ep.practice_id`, clientId: sql`ep.client_id` })}) c ON true
    WHERE ce.practice_id = ${practiceId} AND ce.cover_id IN (${sql.join(
      coverIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    ORDER BY client_name`);
  for (const r of result.rows)
    out.set(r.cover_id, [...(out.get(r.cover_id) ?? []), { id: r.id, clientName: r.client_name }]);
  return out;
}

/** Cover in effect at `at` for any of the episodes in `ep` (a visible-episodes fragment). */
export async function listCoverInEffect(db: Executor, ep: SQL, at: Date): Promise<CoverRow[]> {
  return db
    .select(SELECT_COVER)
    .from(c)
    .where(
      and(
        coverInEffectAt(at),
        sql`EXISTS (SELECT 1 FROM ${coverEpisodes} ce JOIN (${ep}) ep ON ep.practice_id = ce.practice_id AND ep.id = ce.episode_id
          WHERE ce.practice_id = ${c.practiceId} AND ce.cover_id = ${c.id})`,
      ),
    )
    .orderBy(desc(c.endsAt));
}
