import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './connection';
import { ensureDatabaseRoles, type RoleSetup } from './roles';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Applies every committed migration not yet applied (forward-only), then (re)grants the
 * restricted roles their rights on the tables as they now are.
 */
export async function migrateDatabase(db: Database): Promise<RoleSetup> {
  await migrate(db, { migrationsFolder });
  return ensureDatabaseRoles(db);
}
