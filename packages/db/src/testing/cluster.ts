import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { startEmbeddedCluster } from '../embedded';
import { migrateDatabase } from '../migrate';
import type { TemplateInfo } from './index';

export type TestCluster = TemplateInfo & { describe: string; stop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function migrateTemplate(adminUrl: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 });
  try {
    await migrateDatabase(drizzle(pool));
  } finally {
    await pool.end();
  }
}

/**
 * A PostgreSQL for one test run with a migrated template database: TEST_DATABASE_URL's server
 * when set, else an embedded cluster in a fresh folder under the OS temp directory (which the
 * unprivileged postgres user can reach when tests run as root).
 */
export async function startTestCluster(externalUrl?: string): Promise<TestCluster> {
  const template = `tl_template_${randomBytes(4).toString('hex')}`;
  if (externalUrl) {
    await migrateTemplate(externalUrl, template);
    return {
      adminUrl: externalUrl,
      template,
      describe: `external PostgreSQL at ${new URL(externalUrl).host}`,
      stop: async () => {
        const admin = new pg.Client({ connectionString: externalUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${template}`).finally(() => admin.end());
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'throughline-test-'));
  chmodSync(dir, 0o711); // mkdtemp makes it 0700; the postgres user must pass through
  const cluster = await startEmbeddedCluster({ clusterDir: path.join(dir, 'postgres') });
  const adminUrl = cluster.url('postgres');
  await migrateTemplate(adminUrl, template);
  return {
    adminUrl,
    template,
    describe: `embedded PostgreSQL in ${dir}`,
    stop: async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
