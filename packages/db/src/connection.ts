import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type EmbeddedCluster, startEmbeddedCluster, urlForRunningCluster } from './embedded';

export type Database = NodePgDatabase<Record<string, never>>;

export type DatabaseHandle = {
  /** The connecting user's own rights: migrations, backup and restore, the job queue. */
  db: Database;
  pool: pg.Pool;
  /**
   * A further pool on the same server whose connections act as `role` (a NOLOGIN role the
   * connecting user is a member of); closed with the handle.
   */
  connectAs: (role: string, max?: number) => { db: Database; pool: pg.Pool };
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

/**
 * Opens a pool on a live pg server. With `role`, every connection starts with that role set (a
 * startup parameter): a connection that cannot take the role fails rather than running with the
 * login's wider rights.
 */
export function poolFor(url: string, max = 10, role?: string): pg.Pool {
  if (role !== undefined && !/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`bad role ${role}`);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    ...(role ? { options: `-c role=${role}` } : {}),
  });
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
/** The handle's extra role pools, all ended before the main one. */
function rolePools(url: string): {
  connectAs: DatabaseHandle['connectAs'];
  end: () => Promise<void>;
} {
  const pools: pg.Pool[] = [];
  return {
    connectAs: (role, max = 10) => {
      const pool = poolFor(url, max, role);
      pools.push(pool);
      return { db: drizzle(pool), pool };
    },
    end: async () => void (await Promise.all(pools.map((p) => p.end()))),
  };
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const max = options.poolSize ?? 10;
  if (options.databaseUrl) {
    const pool = poolFor(options.databaseUrl, max);
    const roles = rolePools(options.databaseUrl);
    return {
      db: drizzle(pool),
      pool,
      connectAs: roles.connectAs,
      describe: redact(options.databaseUrl),
      ownsCluster: false,
      close: async () => {
        await roles.end();
        await pool.end();
      },
    };
  }
  const clusterDir = path.join(path.resolve(options.dataDir), 'postgres');
  const running = urlForRunningCluster(clusterDir, EMBEDDED_DATABASE);
  if (running) {
    const pool = poolFor(running, max);
    const roles = rolePools(running);
    return {
      db: drizzle(pool),
      pool,
      connectAs: roles.connectAs,
      describe: `${redact(running)} (embedded, shared with the running server)`,
      ownsCluster: false,
      close: async () => {
        await roles.end();
        await pool.end();
      },
    };
  }
  const cluster = await startEmbeddedCluster({ clusterDir, log: options.log });
  await ensureDatabase(cluster);
  const url = cluster.url(EMBEDDED_DATABASE);
  const pool = poolFor(url, max);
  const roles = rolePools(url);
  return {
    db: drizzle(pool),
    pool,
    connectAs: roles.connectAs,
    describe: `${redact(url)} (embedded, data in ${clusterDir})`,
    ownsCluster: true,
    close: async () => {
      await roles.end();
      await pool.end();
      await cluster.stop();
    },
  };
}
