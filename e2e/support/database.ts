import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runningClusterPort } from '@throughline/db';
import pg from 'pg';
import type { RunningServer } from './server';

/**
 * A connection to the running server's own embedded PostgreSQL, for the few states a test cannot
 * reach through the app in real time (a check-in invited on a day months away). The credentials
 * are the ones the server wrote into its data folder.
 */
export async function connectTo(server: RunningServer): Promise<pg.Client> {
  const clusterDir = path.join(server.dataDir, 'postgres');
  const port = runningClusterPort(clusterDir);
  if (port === undefined) throw new Error('the server’s PostgreSQL is not running');
  const { user, password } = JSON.parse(
    readFileSync(path.join(server.dataDir, 'pg-credentials.json'), 'utf8'),
  ) as { user: string; password: string };
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user,
    password,
    database: 'throughline',
  });
  await client.connect();
  return client;
}
