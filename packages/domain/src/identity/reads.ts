import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { IdOrSql } from '../shared/fragment';
import type { Executor } from '../shared/transaction';
import { practices, users } from './tables';

/**
 * The identity module's reads for other modules' read models: the practices table is named only
 * in this module (module ownership, issue 8).
 */

/** The practice's IANA time zone, as a scalar subquery (text). */
export function practiceTimeZoneSql(practiceId: IdOrSql): SQL {
  const id = typeof practiceId === 'string' ? sql`${practiceId}::uuid` : practiceId;
  return sql`(SELECT ${practices.timeZone} FROM ${practices} WHERE ${practices.id} = ${id})`;
}

/** The display names of these users of the practice (missing ids: no such account any more). */
export async function findDisplayNames(
  db: Executor,
  practiceId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.practiceId, practiceId), inArray(users.id, [...userIds])));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** A user's display name, as a scalar subquery (text): names a colleague in a read model. */
export function userNameSql(practiceId: IdOrSql, userId: IdOrSql): SQL {
  const p = typeof practiceId === 'string' ? sql`${practiceId}::uuid` : practiceId;
  const u = typeof userId === 'string' ? sql`${userId}::uuid` : userId;
  return sql`(SELECT ${users.displayName} FROM ${users} WHERE ${users.practiceId} = ${p} AND ${users.id} = ${u})`;
}
