/**
 * `npm run bench:data -- --size S|M|L [--seed N] [--data-dir DIR]`: a synthetic practice,
 * deterministic for a seed, loaded with COPY into the embedded PostgreSQL under DIR (default: a
 * folder under the OS temp directory) or into DATABASE_URL. The master key comes from
 * THROUGHLINE_MASTER_KEY or DIR/master.key, as for the app, so `THROUGHLINE_DATA_DIR=DIR npm start`
 * (or the bench's `--practice`) runs on it. Prints rows per table, rows/s and the total time.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '@throughline/db';
import { loadMasterKey } from '@throughline/domain';
import { createServices } from '../../apps/server/src/services';
import { loadPractice } from './load';
import { defaultDataDir, isSize, SYNTHETIC_PASSWORD } from './sizes';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'S' },
      seed: { type: 'string', default: '13' },
      'data-dir': { type: 'string' },
    },
  });
  const size = values.size.toUpperCase();
  if (!isSize(size)) throw new Error(`--size must be S, M or L, not "${values.size}".`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}".`);
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir(size));
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const masterKey = loadMasterKey({ envValue: process.env.THROUGHLINE_MASTER_KEY, dataDir });
  const handle = await openDatabase({ databaseUrl, dataDir, poolSize: 4 });
  try {
    say(`Synthetic practice ${size} (seed ${seed}) into ${handle.describe}`);
    await migrateDatabase(handle.db);
    const services = createServices(handle.db, masterKey, 'http://localhost:3000');
    const anchor = new Date();
    const report = await loadPractice({
      services,
      pool: handle.pool,
      size,
      seed,
      anchor,
      log: (line) => say(`  ${line}`),
    });
    for (const [table, count] of Object.entries(report.rows))
      say(`  ${table.padEnd(22)} ${String(count).padStart(10)}`);
    say(`Loaded ${report.totalRows} rows in ${report.seconds} s (${report.rowsPerSecond} rows/s).`);
    say(`Every account's password: ${SYNTHETIC_PASSWORD}; e.g. ${report.therapist.email}.`);
    say(
      databaseUrl
        ? 'Start the app on it with the same DATABASE_URL and THROUGHLINE_MASTER_KEY.'
        : `Start the app on it: THROUGHLINE_DATA_DIR=${dataDir} npm start; bench it: npm run bench -- --practice ${size}`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exitCode = 1;
});
