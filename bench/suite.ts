/**
 * The benchmark suite (`npm run bench`; not a test). One after another in this process: a bare
 * Fastify + pg server on the app's PostgreSQL (one primary-key read, one insert: the same-run
 * baseline), then the real app's targets (see suite-targets.ts), each with autocannon at 32
 * connections. Prints requests/s and p50/p95/p99 with each as a ratio to its baseline, writes
 * bench/results/suite-<time>.json (not committed) and appends rows to docs/performance.md.
 *
 *   npm run bench                          a fresh S practice plus a client of five years
 *   npm run bench -- --practice M          the practice `npm run bench:data -- --size M` made
 *   npm run bench -- --targets me,brief-short      only these (the baselines always run)
 *   BENCH_SECONDS=2 npm run bench          a short run (default 8 s per target)
 *   BENCH_CONNECTIONS=10, BENCH_PROFILE=1 (one brief at a time, in process, by section)
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { poolFor } from '@throughline/db';
import { createTestDatabase, startTestCluster } from '@throughline/db/testing';
import type { Services } from '@throughline/domain';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { createServices, openRuntime } from '../apps/server/src/services';
import { startBaseline } from './baseline';
import { seedLongClient } from './brief-data';
import { type Measured, measure, ratioTo } from './measure';
import { loadPractice } from './practice/load';
import { defaultDataDir, isSize } from './practice/sizes';
import { appendRow, describeMachine, machine, ROOT } from './report';
import { writeSuiteResult } from './suite-report';
import {
  BASELINE_OF,
  ENDPOINT,
  findSubjects,
  requestsFor,
  TARGETS,
  type Target,
} from './suite-targets';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

type Setup = {
  services: Services;
  /** A pool of the app's size for the bare server. */
  pool: pg.Pool;
  practice: string;
  describe: string;
  close: () => Promise<void>;
};

/** A fresh database with the S practice and one client of five years of weekly sessions. */
async function freshPractice(): Promise<Setup> {
  const cluster = await startTestCluster(process.env.TEST_DATABASE_URL || undefined);
  const database = await createTestDatabase(cluster);
  const pool = poolFor(database.url, 10);
  const services = createServices(drizzle(pool), randomBytes(32), 'http://localhost');
  const report = await loadPractice({ services, pool, size: 'S', seed: 13, anchor: new Date() });
  await seedLongClient(services, report.practiceId, report.therapist.id);
  await pool.query('ANALYZE');
  return {
    services,
    pool,
    practice: 'S + a 5-year client',
    describe: cluster.describe,
    close: async () => {
      await pool.end();
      await database.drop();
      await cluster.stop();
    },
  };
}

/** The practice `npm run bench:data` generated, opened as the app opens its data. */
async function generatedPractice(size: string, dataDir: string | undefined): Promise<Setup> {
  const config = loadConfig({
    ...process.env,
    THROUGHLINE_DATA_DIR: dataDir ?? defaultDataDir(size as 'S'),
  });
  const runtime = await openRuntime(config);
  return {
    services: runtime.services,
    pool: runtime.handle.pool,
    practice: size,
    describe: runtime.handle.describe,
    close: () => runtime.handle.close(),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      practice: { type: 'string' },
      'data-dir': { type: 'string' },
      targets: { type: 'string' },
    },
  });
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
  const asked = (values.targets ?? process.env.BENCH_TARGETS ?? '').split(',').filter(Boolean);
  const unknown = asked.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (unknown.length > 0)
    throw new Error(`Unknown targets ${unknown.join(', ')}; choose from ${TARGETS.join(', ')}.`);
  const wanted: Target[] = [
    'bare-read',
    'bare-insert',
    ...(asked.length > 0 ? (asked as Target[]) : TARGETS).filter((t) => !t.startsWith('bare-')),
  ];
  const size = values.practice?.toUpperCase();
  if (size !== undefined && !isSize(size)) throw new Error('--practice must be S, M or L.');
  const setup = size ? await generatedPractice(size, values['data-dir']) : await freshPractice();
  say(`PostgreSQL: ${setup.describe}; practice ${setup.practice}`);
  try {
    const subjects = await findSubjects(setup.services);
    say(
      `Short brief: ${subjects.shortEpisode.attended} sessions; long: ${subjects.longEpisode.attended}; ` +
        `caseload: ${subjects.openEpisodes} open episodes; ${subjects.writers.length} clients write`,
    );
    const app = await buildApp({ services: setup.services, authRateLimit: 1_000_000 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const appBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const bare = await startBaseline(setup.pool, subjects.practiceId);
    const requests = await requestsFor(setup.services, subjects, appBase, wanted);
    if (process.env.BENCH_PROFILE) {
      const { profile } = await import('./brief-profile');
      const therapist = await setup.pool.query<{ therapist_id: string }>(
        'SELECT therapist_id FROM episodes WHERE id = $1',
        [subjects.shortEpisode.id],
      );
      await profile(
        setup.services,
        subjects.practiceId,
        therapist.rows[0]?.therapist_id ?? '',
        subjects.longEpisode.id,
      );
    }
    const runs: Measured[] = [];
    try {
      for (const target of wanted) {
        const next = requests[target];
        if (!next) continue;
        const base = target.startsWith('bare-') ? bare.base : appBase;
        const probe = next();
        const check = await fetch(`${base}${probe.path}`, {
          method: probe.method,
          headers: probe.headers,
          body: probe.body,
        });
        if (check.status >= 300)
          throw new Error(`${target} answered ${check.status}: ${await check.text()}`);
        say(`${target}: ${connections} connections, ${seconds} s`);
        const m = await measure(base, target, ENDPOINT[target], next, { connections, seconds });
        runs.push(m);
        if (m.non2xx > 0 || m.errors > 0)
          say(`  warning: ${m.non2xx} non-2xx answers, ${m.errors} errors`);
      }
    } finally {
      await app.close();
      await bare.close();
    }
    report(runs, { seconds, connections, practice: setup.practice, subjects });
  } finally {
    await setup.close();
  }
}

function report(
  runs: Measured[],
  run: {
    seconds: number;
    connections: number;
    practice: string;
    subjects: Awaited<ReturnType<typeof findSubjects>>;
  },
): void {
  const m = machine();
  const byTarget = new Map(runs.map((r) => [r.target as Target, r]));
  const rows = runs.map((r) => {
    const baseline = byTarget.get(BASELINE_OF[r.target as Target]);
    return {
      ...r,
      baseline: BASELINE_OF[r.target as Target],
      ratio: baseline ? ratioTo(r, baseline) : null,
    };
  });
  say('');
  say(
    `${'target'.padEnd(12)} ${'req/s'.padStart(9)} ${'×base'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}  (ms; latency ×base in brackets)`,
  );
  for (const r of rows) {
    const q = r.ratio;
    const l = r.latencyMs;
    say(
      `${r.target.padEnd(12)} ${String(r.requestsPerSecond).padStart(9)} ${String(q?.requestsPerSecond ?? '').padStart(7)} ` +
        `${l.p50} (${q?.p50}) ${l.p95} (${q?.p95}) ${l.p99} (${q?.p99})`,
    );
  }
  const date = new Date().toISOString();
  const file = writeSuiteResult(date, {
    date,
    machine: m,
    node: process.version,
    practice: run.practice,
    load: { connections: run.connections, secondsPerTarget: run.seconds },
    subjects: {
      shortEpisodeSessions: run.subjects.shortEpisode.attended,
      longEpisodeSessions: run.subjects.longEpisode.attended,
      caseloadEpisodes: run.subjects.openEpisodes,
    },
    runs: rows,
  });
  for (const r of rows)
    appendRow(
      'Benchmark suite (same-run baseline)',
      SUITE_INTRO,
      '| date | machine | practice | target | requests/s | × baseline | p50 ms | p95 ms | p99 ms | p99 × baseline |\n|---|---|---|---|---|---|---|---|---|---|',
      `| ${date.slice(0, 16).replace('T', ' ')} | ${describeMachine(m)} | ${run.practice}${run.seconds === 8 ? '' : ` (${run.seconds} s)`} | ${r.endpoint} | ${r.requestsPerSecond} | ${r.ratio?.requestsPerSecond ?? ''} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.ratio?.p99 ?? ''} |`,
    );
  say(`Wrote ${path.relative(ROOT, file)} and rows in docs/performance.md`);
}

const SUITE_INTRO =
  '`npm run bench` (`bench/suite.ts`) runs, one after another in one process, a bare Fastify + pg ' +
  'server on the same PostgreSQL (one primary-key read; one insert) and then the app, each target ' +
  'with autocannon at 32 connections for 8 s unless the row says otherwise. Reads are compared with ' +
  'the bare read, writes (responses, messages) with the bare insert: the ratios are the targets of ' +
  'issue 13, because the machine is shared and noisy. `practice` is the data: `S + a 5-year client` ' +
  'is a fresh S practice (`npm run bench:data`) with one client of 260 weekly sessions; `M`/`L` are ' +
  'generated practices (`--practice`). The raw numbers of each run are in `bench/results/suite-*.json` ' +
  '(kept out of git).';

main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : '';
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : error}${cause}\n`,
  );
  process.exitCode = 1;
});
