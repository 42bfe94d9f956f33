/**
 * Benchmark of the pre-session brief (`npm run bench`; not a test). A practice of 1,000 clients
 * in an embedded PostgreSQL (or TEST_DATABASE_URL's server); one client has five years of weekly
 * sessions with signed encrypted notes, threads and homework. The real app listens on a free
 * port; autocannon calls GET /api/v1/episodes/{id}/brief as that client's therapist with a bearer
 * token, 10 connections for 20 s (BENCH_DURATION overrides). Writes bench/results/brief-<date>.json
 * and appends a row to docs/performance.md.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { poolFor } from '@throughline/db';
import { createTestDatabase, startTestCluster } from '@throughline/db/testing';
import {
  createPractice,
  createUserWithPassword,
  issueApiTokenForEmail,
  newTotpSecret,
} from '@throughline/domain';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { buildApp } from '../apps/server/src/app';
import { operatorContext } from '../apps/server/src/operator';
import { createServices } from '../apps/server/src/services';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

import { seedLongClient, seedPractice, YEARS } from './brief-data';
import { profile } from './brief-profile';
import { latencySummary } from './report';

async function main(): Promise<void> {
  const cluster = await startTestCluster(process.env.TEST_DATABASE_URL || undefined);
  log(`PostgreSQL: ${cluster.describe}`);
  const database = await createTestDatabase(cluster);
  // The server's pool size (10), not the test factory's.
  const pool = poolFor(database.url, 10);
  const services = createServices(drizzle(pool), randomBytes(32), 'http://localhost');
  try {
    const started = Date.now();
    const op = operatorContext(services);
    const practice = await createPractice(op, {
      name: 'Bench Practice',
      timeZone: 'Europe/London',
    });
    const therapist = await createUserWithPassword(op, {
      practiceId: practice.id,
      email: 'therapist0@bench.example',
      displayName: 'Therapist 0',
      role: 'therapist',
      password: 'a long bench pass phrase',
      totpSecret: newTotpSecret(),
    });
    await seedPractice(services, practice.id);
    const episodeId = await seedLongClient(services, practice.id, therapist.id);
    await services.db.execute(sql`ANALYZE`);
    const counts = (
      await services.db.execute<Record<string, number>>(sql`
        SELECT (SELECT count(*)::int FROM clients) AS clients,
          (SELECT count(*)::int FROM appointments) AS appointments,
          (SELECT count(*)::int FROM notes) AS notes,
          (SELECT count(*)::int FROM appointments WHERE episode_id = ${episodeId}::uuid
            AND status = 'attended') AS long_client_sessions`)
    ).rows[0];
    log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

    if (process.env.BENCH_PROFILE) await profile(services, practice.id, therapist.id, episodeId);
    const { token } = await issueApiTokenForEmail(op, {
      email: 'therapist0@bench.example',
      name: 'bench',
      expiresInDays: 1,
    });
    const app = await buildApp({ services });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const url = `http://127.0.0.1:${port}/api/v1/episodes/${episodeId}/brief`;
    const headers = { authorization: `Bearer ${token}` };

    const check = await fetch(url, { headers });
    if (check.status !== 200)
      throw new Error(`brief answered ${check.status}: ${await check.text()}`);
    const brief = (await check.json()) as { openThreads: unknown[]; homework: unknown[] };
    log(`Brief: ${brief.openThreads.length} open threads, ${brief.homework.length} homework items`);
    for (let i = 0; i < 200; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm-up

    log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s, GET ${new URL(url).pathname}`);
    const latencies: number[] = [];
    // BENCH_COMPARE_PATH: the same load on another path (e.g. /api/v1/me), to separate costs.
    const target = process.env.BENCH_COMPARE_PATH
      ? `http://127.0.0.1:${port}${process.env.BENCH_COMPARE_PATH}`
      : url;
    const run = autocannon({
      url: target,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers,
    });
    run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
    const result = await run;
    await app.close();
    latencies.sort((a, b) => a - b);

    const cpus = os.cpus();
    const date = new Date().toISOString().slice(0, 10);
    const summary = {
      date: new Date().toISOString(),
      endpoint: 'GET /api/v1/episodes/{id}/brief',
      machine: {
        cpu: cpus[0]?.model.trim() ?? 'unknown',
        cores: cpus.length,
        ramGiB: Math.round(os.totalmem() / 2 ** 30),
        platform: `${os.platform()} ${os.release()}`,
        /** 1-minute load average when the run ended: other work on the machine skews the numbers. */
        loadAverage: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
      },
      node: process.version,
      database: cluster.describe.startsWith('embedded')
        ? 'embedded PostgreSQL 17'
        : 'external PostgreSQL',
      data: { ...counts, yearsOfWeeklySessions: YEARS },
      load: { connections: CONNECTIONS, durationSeconds: DURATION_S },
      latencyMs: latencySummary(latencies),
      requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    };
    log(JSON.stringify(summary, null, 2));
    if (summary.non2xx > 0 || summary.errors > 0) throw new Error('Some requests failed.');

    const results = path.join(ROOT, 'bench', 'results');
    mkdirSync(results, { recursive: true });
    const file = path.join(results, `brief-${date}.json`);
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    const doc = path.join(ROOT, 'docs', 'performance.md');
    if (!existsSync(doc)) writeFileSync(doc, PERFORMANCE_HEADER);
    const m = summary.machine;
    const l = summary.latencyMs;
    appendFileSync(
      doc,
      `| ${date} | ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB (load ${m.loadAverage}) | ${summary.node} | ${summary.database} | ${l.p50} | ${l.p95} | ${l.p99} | ${summary.requestsPerSecond} |\n`,
    );
    log(`Wrote ${path.relative(ROOT, file)} and a row in docs/performance.md`);
  } finally {
    await pool.end();
    await database.drop();
    await cluster.stop();
  }
}

const PERFORMANCE_HEADER = `# Performance

Measured by \`npm run bench\` (\`bench/brief.ts\`): a practice of 1,000 clients (19 more therapists,
a year of weekly sessions with signed notes per client), one of whom has five years of weekly
sessions (260 attended, each with a signed encrypted music-therapy note and homework; a thread
every fourth session). The real app (Fastify, the access plugin, the domain use-case, audit
insert) listens on a local port; autocannon calls \`GET /api/v1/episodes/{id}/brief\` for that
client's next session as their therapist, authenticated with a bearer token, with 10 concurrent
connections for 20 seconds. Latencies are per request, in milliseconds. Each run also writes its raw
numbers to \`bench/results/brief-<date>.json\`. The audit sealer does not run during the benchmark
(audit events are inserted on every request, as in production; sealing happens off the request path).

The machine's 1-minute load average at the end of the run is shown beside it: a busy machine
(other builds, tests) makes every number worse.

| date | machine | Node | database | p50 ms | p95 ms | p99 ms | requests/s |
|---|---|---|---|---|---|---|---|
`;

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
