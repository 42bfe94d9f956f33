import type { Database } from '@throughline/db';

/** A database handle or an open transaction; repositories accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

/** Runs `work` in one transaction: every write and its audit event commit or fail together. */
export function inTransaction<T>(db: Database, work: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx));
}
