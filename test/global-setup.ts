import { startTestCluster, type TestCluster } from '@throughline/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    database: { adminUrl: string; template: string };
  }
}

let cluster: TestCluster | undefined;

/** One PostgreSQL per run with a migrated template; each test file clones its own database. */
export async function setup(project: TestProject): Promise<void> {
  cluster = await startTestCluster(process.env.TEST_DATABASE_URL || undefined);
  process.stdout.write(`integration tests use ${cluster.describe}\n`);
  project.provide('database', { adminUrl: cluster.adminUrl, template: cluster.template });
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
