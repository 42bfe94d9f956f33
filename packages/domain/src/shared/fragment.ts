import type { SQL } from 'drizzle-orm';

/**
 * A piece of SQL that one module owns (its table, its columns, its rule) for another module to
 * place inside a larger statement — a CTE, a lateral join, a branch of a UNION ALL — so a read
 * model can combine several modules in one round trip without naming their tables (issue 8,
 * module ownership). `Row` is the shape of the columns the fragment selects, as a raw query
 * returns them; the composing module builds its row type from it, so a renamed column fails to
 * compile instead of reading `undefined`.
 */
export type Fragment<Row> = SQL & { readonly __row?: Row };

export const fragment = <Row>(query: SQL): Fragment<Row> => query as Fragment<Row>;

/** An id given either as a value or as a SQL expression (a CTE column, a correlated `ep.id`). */
export type IdOrSql = string | SQL;

/** A timeline branch (module ownership): its SQL and the purpose that opens its `sealed` column. */
export type EventBranch = {
  /**
   * Selects exactly `at, episode_id, id, seq, kind, detail, sealed, time_zone` (in this order)
   * for the records of the episodes in the relation the caller names (`practice_id`, `id`
   * columns). `kind` and `detail` are never clinical text; `sealed` is encrypted, or null;
   * `time_zone` is the record's own zone (a session's), or null when it has none.
   */
  sql: SQL;
  /** The encryption purpose of `sealed` for the record `id`; null when the branch seals nothing. */
  sealedPurpose: ((id: string) => string) | null;
};
