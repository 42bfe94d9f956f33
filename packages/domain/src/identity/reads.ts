import { type SQL, sql } from 'drizzle-orm';
import type { IdOrSql } from '../shared/fragment';
import { practices } from './tables';

/**
 * The identity module's reads for other modules' read models: the practices table is named only
 * in this module (module ownership, issue 8).
 */

/** The practice's IANA time zone, as a scalar subquery (text). */
export function practiceTimeZoneSql(practiceId: IdOrSql): SQL {
  const id = typeof practiceId === 'string' ? sql`${practiceId}::uuid` : practiceId;
  return sql`(SELECT ${practices.timeZone} FROM ${practices} WHERE ${practices.id} = ${id})`;
}
