import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type EmbeddedCluster, startEmbeddedCluster, urlForRunningCluster } from './embedded';

export type Database = NodePgDatabase<Record<string, never>>;

export type DatabaseHandle = {
  db: Database;
  pool: pg.Pool;
  /** Where the connection goes, without the password. */
  describe: string;
  /** true when this process started the embedded cluster and must stop it. */
  ownsCluster: boolean;
  close: () => Promise<void>;
};

export type OpenOptions = {
  /** External PostgreSQL; when absent the embedded cluster under dataDir is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  log?: (line: string) => void;
};

const EMBEDDED_DATABASE = 'throughline';

/** Opens a pool on a live pg server. */
export function poolFor(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

function redact(url: string): string {
  const parsed = new URL(url);
  parsed.password = parsed.password ? '***' : '';
  return parsed.toString();
}

async function ensureDatabase(cluster: EmbeddedCluster): Promise<void> {
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      EMBEDDED_DATABASE,
    ]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end();
  }
}

/**
 * Connects to DATABASE_URL, or to the embedded cluster under dataDir: the one a running server
 * already started (so the CLI and the server share one cluster), or a new one this process owns.
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const max = options.poolSize ?? 10;
  if (options.databaseUrl) {
    const pool = poolFor(options.databaseUrl, max);
    return {
      db: drizzle(pool),
      pool,
      describe: redact(options.databaseUrl),
      ownsCluster: false,
      close: () => pool.end(),
    };
  }
  const clusterDir = path.join(path.resolve(options.dataDir), 'postgres');
  const running = urlForRunningCluster(clusterDir, EMBEDDED_DATABASE);
  if (running) {
    const pool = poolFor(running, max);
    return {
      db: drizzle(pool),
      pool,
      describe: `${redact(running)} (embedded, shared with the running server)`,
      ownsCluster: false,
      close: () => pool.end(),
    };
  }
  const cluster = await startEmbeddedCluster({ clusterDir, log: options.log });
  await ensureDatabase(cluster);
  const url = cluster.url(EMBEDDED_DATABASE);
  const pool = poolFor(url, max);
  return {
    db: drizzle(pool),
    pool,
    describe: `${redact(url)} (embedded, data in ${clusterDir})`,
    ownsCluster: true,
    close: async () => {
      await pool.end();
      await cluster.stop();
    },
  };
}
