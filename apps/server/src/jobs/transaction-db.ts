import type { Executor } from '@throughline/domain';
import type { PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type PgBoss from 'pg-boss';

type RowsResult = { rows: object[] };

/**
 * pg-boss 10's supported hook for running its SQL on someone else's connection: `send(…, { db })`
 * and `cancel(…, { db })` take an object with `executeSql(text, values)`. This one runs pg-boss's
 * statement on the connection of the caller's Drizzle transaction, so a job is sent in the same
 * transaction as the change that causes it (a booked session and its reminder commit together,
 * or neither does). The text and the values go to node-postgres unchanged, as one parameterised
 * query: nothing is spliced into the SQL, whatever the values contain. `prepareQuery` is the
 * session's public, typed entry for a query given as text and parameters.
 */
export function transactionDb(tx: Executor): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const query = tx._.session.prepareQuery<PreparedQueryConfig & { execute: RowsResult }>(
        { sql: text, params: values },
        undefined,
        undefined,
        false,
      );
      const result = await query.execute();
      return { rows: result.rows };
    },
  };
}
