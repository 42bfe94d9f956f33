/**
 * Benchmark of the pre-session brief (`npm run bench`; not a test). A practice of 1,000 clients
 * in an embedded PostgreSQL (or TEST_DATABASE_URL's server); one client has five years of weekly
 * sessions with signed encrypted notes, threads and homework. The real app listens on a free
 * port; autocannon calls GET /api/v1/episodes/{id}/brief as that client's therapist with a bearer
 * token, 10 connections for 20 s (BENCH_DURATION overrides). Writes bench/results/brief-<date>.json
 * and appends a row to docs/performance.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
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
  type Services,
} from '@throughline/domain';
import {
  appointments,
  clients,
  episodes,
  homework,
  notes,
  threads,
  users,
} from '@throughline/domain/schema';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { buildApp } from '../apps/server/src/app';
import { operatorContext } from '../apps/server/src/operator';
import { createServices } from '../apps/server/src/services';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENTS = 1_000;
const THERAPISTS = 20;
const YEARS = 5;
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const WEEK = 7 * 86_400_000;

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** 999 ordinary clients, in bulk: a year of weekly sessions each, with signed notes. */
async function seedPractice(services: Services, practiceId: string): Promise<void> {
  const { db } = services;
  await db.execute(sql`
    INSERT INTO ${users} (practice_id, id, email, display_name, role)
    SELECT ${practiceId}::uuid, gen_random_uuid(), 'therapist' || g || '@bench.example',
      'Therapist ' || g, 'therapist'
    FROM generate_series(1, ${THERAPISTS - 1}) g`);
  await db.execute(sql`
    INSERT INTO ${users} (practice_id, id, email, display_name, role)
    SELECT ${practiceId}::uuid, gen_random_uuid(), 'client' || g || '@bench.example',
      'Client ' || g, 'client'
    FROM generate_series(1, ${CLIENTS - 1}) g`);
  await db.execute(sql`
    WITH th AS (
      SELECT id, row_number() OVER (ORDER BY email) - 1 AS k FROM ${users}
      WHERE practice_id = ${practiceId}::uuid AND role = 'therapist'
    ), cu AS (
      SELECT id, display_name, email, row_number() OVER (ORDER BY email) AS g FROM ${users}
      WHERE practice_id = ${practiceId}::uuid AND role = 'client'
    )
    INSERT INTO ${clients} (practice_id, id, user_id, display_name, email, therapist_id, time_zone)
    SELECT ${practiceId}::uuid, gen_random_uuid(), cu.id, cu.display_name, cu.email, th.id,
      'Europe/London'
    FROM cu JOIN th ON th.k = cu.g % ${THERAPISTS}`);
  await db.execute(sql`
    INSERT INTO ${episodes} (practice_id, id, client_id, therapist_id, phase, title, opened_at)
    SELECT practice_id, gen_random_uuid(), id, therapist_id, 'active', 'Music therapy',
      now() - interval '1 year'
    FROM ${clients} WHERE practice_id = ${practiceId}::uuid`);
  await db.execute(sql`
    INSERT INTO ${appointments} (practice_id, id, episode_id, therapist_id, starts_at, ends_at, status)
    SELECT e.practice_id, gen_random_uuid(), e.id, e.therapist_id, s.at, s.at + interval '50 minutes',
      CASE WHEN s.w = 0 THEN 'scheduled' ELSE 'attended' END::appointment_status
    FROM ${episodes} e,
      LATERAL (SELECT w, date_trunc('hour', now()) - w * interval '7 days'
        + ((abs(hashtext(e.id::text)) % 120) + 1) * interval '1 hour' AS at
        FROM generate_series(0, 52) w) s
    WHERE e.practice_id = ${practiceId}::uuid`);
  // Bodies of these notes are never read by the benchmark: placeholder ciphertext is enough.
  await db.execute(sql`
    INSERT INTO ${notes} (practice_id, id, episode_id, appointment_id, author_id, template, status,
      body, created_at, updated_at, signed_at)
    SELECT a.practice_id, gen_random_uuid(), a.episode_id, a.id, a.therapist_id, 'soap', 'signed',
      repeat(md5(a.id::text), 8), a.ends_at, a.ends_at, a.ends_at
    FROM ${appointments} a WHERE a.practice_id = ${practiceId}::uuid AND a.status = 'attended'`);
}

/** The client with five years of weekly sessions, notes, threads and homework. */
async function seedLongClient(
  services: Services,
  practiceId: string,
  therapistId: string,
): Promise<string> {
  const { db, keyring } = services;
  const seal = (text: string, purpose: string) => keyring.encrypt(db, practiceId, text, purpose);
  const userId = randomUUID();
  const clientId = randomUUID();
  const episodeId = randomUUID();
  await db.insert(users).values({
    practiceId,
    id: userId,
    email: 'long-client@bench.example',
    displayName: 'Long-standing client',
    role: 'client',
  });
  await db.insert(clients).values({
    practiceId,
    id: clientId,
    userId,
    displayName: 'Long-standing client',
    email: 'long-client@bench.example',
    therapistId,
    timeZone: 'Europe/London',
  });
  const now = Date.now();
  const first = now - YEARS * 52 * WEEK;
  await db.insert(episodes).values({
    practiceId,
    id: episodeId,
    clientId,
    therapistId,
    phase: 'active',
    title: 'Music therapy',
    openedAt: new Date(first - WEEK),
  });
  const sessions = Array.from({ length: YEARS * 52 }, (_, i) => ({
    id: randomUUID(),
    startsAt: new Date(first + i * WEEK),
  }));
  await inChunks(
    [
      ...sessions.map((s) => ({ ...s, status: 'attended' as const })),
      {
        id: randomUUID(),
        startsAt: new Date(now + WEEK),
        status: 'scheduled' as const,
      },
    ],
    (chunk) =>
      db.insert(appointments).values(
        chunk.map((s) => ({
          practiceId,
          id: s.id,
          episodeId,
          therapistId,
          startsAt: s.startsAt,
          endsAt: new Date(s.startsAt.getTime() + 50 * 60_000),
          status: s.status,
        })),
      ),
  );
  const noteRows = await Promise.all(
    sessions.map(async (s, i) => {
      const id = randomUUID();
      const body = JSON.stringify({
        templateVersion: 1,
        method: 'improvisational',
        clientResponses: `Session ${i + 1}: engaged with the drum, then the voice.`.repeat(8),
        planForNext: `Session ${i + 2}: return to the song written in session ${i + 1}.`,
      });
      return {
        practiceId,
        id,
        episodeId,
        appointmentId: s.id,
        authorId: therapistId,
        template: 'music-therapy' as const,
        status: 'signed' as const,
        body: await seal(body, `note.body:${id}`),
        createdAt: new Date(s.startsAt.getTime() + 3_600_000),
        updatedAt: new Date(s.startsAt.getTime() + 3_600_000),
        signedAt: new Date(s.startsAt.getTime() + 3_600_000),
      };
    }),
  );
  await inChunks(noteRows, (chunk) => db.insert(notes).values(chunk));
  // A thread every fourth session; the last eight stay open.
  const threadNotes = noteRows.filter((_, i) => i % 4 === 0);
  const threadRows = await Promise.all(
    threadNotes.map(async (n, i) => {
      const id = randomUUID();
      const open = i >= threadNotes.length - 8;
      return {
        practiceId,
        id,
        episodeId,
        openedInNoteId: n.id,
        title: await seal(`Theme ${i + 1}: the grandmother's songs`, `thread.title:${id}`),
        openedAt: n.createdAt,
        closedAt: open ? null : new Date(n.createdAt.getTime() + 8 * WEEK),
      };
    }),
  );
  await inChunks(threadRows, (chunk) => db.insert(threads).values(chunk));
  // Homework every session; the last three are open, the rest done with a comment.
  const homeworkRows = await Promise.all(
    noteRows.map(async (n, i) => {
      const id = randomUUID();
      const done = i < noteRows.length - 3;
      return {
        practiceId,
        id,
        episodeId,
        noteId: n.id,
        title: await seal(`Listen to piece ${i + 1}`, `homework.title:${id}`),
        instructions: await seal('Once a day, lying down.', `homework.instructions:${id}`),
        status: done ? ('done' as const) : ('assigned' as const),
        completedAt: done ? new Date(n.createdAt.getTime() + 3 * 86_400_000) : null,
        clientComment: done ? await seal('It helped me sleep.', `homework.comment:${id}`) : null,
        createdAt: n.createdAt,
        createdBy: therapistId,
      };
    }),
  );
  await inChunks(homeworkRows, (chunk) => db.insert(homework).values(chunk));
  return episodeId;
}

/** BENCH_PROFILE=1: where a brief's time goes, one request at a time. */
async function profile(
  services: Services,
  practiceId: string,
  therapistId: string,
  episodeId: string,
): Promise<void> {
  const { actingAs } = await import('../apps/server/src/operator');
  const { readBrief } = await import('@throughline/domain');
  const ctx = actingAs(services, { id: therapistId, practiceId, role: 'therapist' });
  const time = async (label: string, work: () => Promise<unknown>): Promise<void> => {
    await work();
    const start = performance.now();
    for (let i = 0; i < 50; i++) await work();
    log(`${label}: ${((performance.now() - start) / 50).toFixed(2)} ms`);
  };
  await time('SELECT 1', () => services.db.execute(sql`SELECT 1`));
  await time('empty transaction with one insert', () =>
    services.db.transaction((tx) =>
      tx.execute(sql`INSERT INTO audit_events (practice_id, action, resource_type, outcome, request_id)
        VALUES (${practiceId}::uuid, 'bench', 'bench', 'success', 'bench')`),
    ),
  );
  await time('readBrief (use-case, no HTTP)', () => readBrief(ctx, { episodeId }));
  const repo = await import('../packages/domain/src/brief/repository');
  const actor = ctx.actor as Parameters<typeof repo.findScope>[1];
  const now = new Date();
  await time('scope', () => repo.findScope(services.db, actor, episodeId, undefined, now));
  await time('notes', () => repo.findLatestNotes(services.db, practiceId, episodeId, now));
  await time('threads', () => repo.listOpenThreads(services.db, practiceId, episodeId));
  await time('homework', () => repo.listHomeworkSince(services.db, practiceId, episodeId, now));
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

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
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? Number.NaN),
      },
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
