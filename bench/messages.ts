/**
 * Benchmark of secure messages (`npm run bench:messages`; not a test). One therapist with 3,000
 * clients (BENCH_CONVERSATIONS overrides), each in an active episode with an accepted contact
 * agreement and a three-message conversation, in an embedded PostgreSQL (or TEST_DATABASE_URL's
 * server). The real app listens on a free port; autocannon runs three loads one after another,
 * 10 connections for 20 s each (BENCH_DURATION overrides):
 *  (a) clients send: POST /api/v1/episodes/{id}/messages as 200 clients signed in with a session
 *      cookie (clients have no API tokens), each to their own episode;
 *  (b) the therapist reads conversations: GET /api/v1/episodes/{id}/messages over all episodes;
 *  (c) the therapist's caseload: GET /api/v1/caseload, every episode with its unread count.
 * Writes bench/results/messages-<date>.json and rows in docs/performance.md.
 */
import { randomBytes } from 'node:crypto';
import { poolFor } from '@throughline/db';
import { createTestDatabase, startTestCluster } from '@throughline/db/testing';
import { createPractice, createUserWithPassword, issueApiTokenForEmail } from '@throughline/domain';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { buildApp } from '../apps/server/src/app';
import { operatorContext } from '../apps/server/src/operator';
import { createServices } from '../apps/server/src/services';
import { seedConversations } from './messages-data';
import {
  appendRow,
  describeMachine,
  latencySummary,
  type Machine,
  machine,
  writeResult,
} from './report';
import { signInForBench } from './sign-in';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 3_000);
const SENDERS = 200;
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const PASSWORD = 'a long bench pass phrase';
const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

type Request = { method: string; path: string; headers: Record<string, string>; body?: string };
type Measured = {
  endpoint: string;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
};

async function measure(base: string, endpoint: string, next: () => Request): Promise<Measured> {
  log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s, ${endpoint}`);
  const latencies: number[] = [];
  const run = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await run;
  const measured = {
    endpoint,
    latencyMs: latencySummary(latencies),
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
  log(JSON.stringify(measured));
  return measured;
}

async function main(): Promise<void> {
  const cluster = await startTestCluster(process.env.TEST_DATABASE_URL || undefined);
  const database = await createTestDatabase(cluster);
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
      email: 'therapist@bench.example',
      displayName: 'Therapist',
      role: 'therapist',
      password: PASSWORD,
    });
    // A client account whose password hash the seeded clients share.
    const template = await createUserWithPassword(op, {
      practiceId: practice.id,
      email: 'template@bench.example',
      displayName: 'Template',
      role: 'client',
      password: PASSWORD,
    });
    const conversations = await seedConversations(
      services,
      practice,
      therapist,
      template,
      CONVERSATIONS,
    );
    const counts = (
      await services.db.execute<Record<string, number>>(sql`
        SELECT (SELECT count(*)::int FROM episodes) AS episodes,
          (SELECT count(*)::int FROM messages) AS messages,
          (SELECT count(*)::int FROM messages WHERE read_at IS NULL) AS unread`)
    ).rows[0];
    log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

    const app = await buildApp({ services, authRateLimit: 10_000 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { token } = await issueApiTokenForEmail(op, {
      email: 'therapist@bench.example',
      name: 'bench',
      expiresInDays: 1,
    });
    const asTherapist = { authorization: `Bearer ${token}` };
    const senders: { path: string; headers: Record<string, string> }[] = [];
    for (const c of conversations.slice(0, SENDERS)) {
      senders.push({
        path: `/api/v1/episodes/${c.episodeId}/messages`,
        headers: await signInForBench(base, c.clientEmail, PASSWORD),
      });
    }
    log(`${senders.length} clients signed in`);

    const probe = senders[0];
    if (!probe) throw new Error('no conversations were seeded');
    const check = await fetch(`${base}${probe.path}`, {
      method: 'POST',
      headers: probe.headers,
      body: JSON.stringify({ body: 'Checking the bench works.' }),
    });
    if (check.status !== 201)
      throw new Error(`send answered ${check.status}: ${await check.text()}`);
    const outsideHours = 'autoReply' in ((await check.json()) as object);
    const caseloadCheck = await fetch(`${base}/api/v1/caseload`, { headers: asTherapist });
    const caseload = (await caseloadCheck.json()) as { items: unknown[] };
    log(`Caseload: ${caseload.items.length} episodes; sends outside hours: ${outsideHours}`);

    let turn = 0;
    const send = await measure(base, 'POST /api/v1/episodes/{id}/messages (client)', () => {
      const s = senders[turn++ % senders.length] ?? probe;
      return {
        method: 'POST',
        path: s.path,
        headers: s.headers,
        body: JSON.stringify({ body: `Running late again, sorry (${turn}).` }),
      };
    });
    const list = await measure(base, 'GET /api/v1/episodes/{id}/messages (therapist)', () => {
      const c = conversations[Math.floor(Math.random() * conversations.length)];
      return {
        method: 'GET',
        path: `/api/v1/episodes/${c?.episodeId}/messages`,
        headers: asTherapist,
      };
    });
    const caseloadRun = await measure(base, 'GET /api/v1/caseload (therapist)', () => ({
      method: 'GET',
      path: '/api/v1/caseload',
      headers: asTherapist,
    }));
    await app.close();

    const runs = [send, list, caseloadRun];
    const m = machine();
    const summary = {
      date: new Date().toISOString(),
      machine: m,
      node: process.version,
      database: cluster.describe.startsWith('embedded')
        ? 'embedded PostgreSQL 17'
        : 'external PostgreSQL',
      data: { ...counts, conversations: CONVERSATIONS, signedInSenders: senders.length },
      sendsOutsideHours: outsideHours,
      load: { connections: CONNECTIONS, durationSeconds: DURATION_S },
      runs,
    };
    log(JSON.stringify(summary, null, 2));
    if (runs.some((r) => r.non2xx > 0 || r.errors > 0)) throw new Error('Some requests failed.');
    const file = writeResult('messages', summary);
    for (const r of runs) appendMessagesRow(summary.date, m, summary.node, r);
    log(`Wrote ${file} and rows in docs/performance.md`);
  } finally {
    await pool.end();
    await database.drop();
    await cluster.stop();
  }
}

function appendMessagesRow(date: string, m: Machine, node: string, r: Measured): void {
  const l = r.latencyMs;
  appendRow(
    'Messages and the inbox',
    'Measured by `npm run bench:messages` (`bench/messages.ts`): one therapist with 3,000 clients, ' +
      'each in an active episode with an accepted contact agreement and a three-message ' +
      'conversation (bodies encrypted as the app does; every third conversation has an unread ' +
      'client message). Through the real HTTP stack, 10 concurrent connections for 20 seconds per ' +
      "row: 200 clients signed in with session cookies send messages to their own episode (the agreement rule, the hours, the risk screen, the e-mail notice to the therapist through the outbox, audit); the therapist reads conversations picked at random across all 3,000 episodes (bearer token); the therapist's caseload lists all 3,000 episodes with their unread counts.",
    '| date | endpoint | machine | Node | p50 ms | p95 ms | p99 ms | requests/s |\n|---|---|---|---|---|---|---|---|',
    `| ${date.slice(0, 10)} | ${r.endpoint} | ${describeMachine(m)} | ${node} | ${l.p50} | ${l.p95} | ${l.p99} | ${r.requestsPerSecond} |`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
