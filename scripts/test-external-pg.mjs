// Second integration pass against an external PostgreSQL (CI: the machine's PostgreSQL 15).
// TEST_DATABASE_URL chooses the server (default postgres://postgres@127.0.0.1:5432/postgres);
// when nothing answers there, the pass is skipped with a notice, not failed.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  process.stdout.write(
    `Integration tests, second pass: PostgreSQL ${rows[0].server_version} at ${new URL(url).host}\n`,
  );
} catch (error) {
  process.stdout.write(
    `NOTICE: no PostgreSQL answers at ${new URL(url).host} (${error.message}); skipping the external-PostgreSQL pass.\n`,
  );
  process.exit(0);
} finally {
  await client.end().catch(() => {});
}
let status = 0;
for (const project of ['integration', 'cli']) {
  const result = spawnSync('npx', ['vitest', 'run', '--project', project], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: url, TZ: 'UTC' },
  });
  status ||= result.status ?? 1;
}
process.exit(status);
