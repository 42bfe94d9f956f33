import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Database, poolFor } from '../connection';

export { startTestCluster, type TestCluster } from './cluster';

export type TestDatabase = {
  db: Database;
  pool: pg.Pool;
  url: string;
  name: string;
  drop: () => Promise<void>;
};

/** Where the migrated template lives; set by the integration tests' global setup. */
export type TemplateInfo = { adminUrl: string; template: string };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh database for one test file, cloned from the migrated template (fast: a file copy,
 * no migrations). Drop it when the file's tests end.
 */
export async function createTestDatabase(info: TemplateInfo): Promise<TestDatabase> {
  const name = `tl_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: info.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${info.template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(info.adminUrl, name);
  const pool = poolFor(url, 5);
  return {
    db: drizzle(pool),
    pool,
    url,
    name,
    drop: async () => {
      await pool.end();
      const client = new pg.Client({ connectionString: info.adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
