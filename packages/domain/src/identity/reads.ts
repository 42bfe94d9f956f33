import { type SQL, sql } from 'drizzle-orm';
import type { IdOrSql } from '../shared/fragment';
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

/** A user's display name, as a scalar subquery (text): names a colleague in a read model. */
export function userNameSql(practiceId: IdOrSql, userId: IdOrSql): SQL {
  const p = typeof practiceId === 'string' ? sql`${practiceId}::uuid` : practiceId;
  const u = typeof userId === 'string' ? sql`${userId}::uuid` : userId;
  return sql`(SELECT ${users.displayName} FROM ${users} WHERE ${users.practiceId} = ${p} AND ${users.id} = ${u})`;
}
