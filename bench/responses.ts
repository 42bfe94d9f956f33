/**
 * Benchmark of submitting a questionnaire response (`npm run bench:responses`; not a test): each
 * request validates, scores, stores (answers encrypted), evaluates the alert rules against the
 * episode's history and writes the audit event, through the real HTTP stack. 100 clients of one
 * therapist each submit PHQ-9s as themselves, signed in with a session cookie (clients have no API
 * tokens; each joined with a sign-up code); 20 connections for 20 s
 * (BENCH_DURATION overrides). About 5% of submissions have item 9 > 0 and raise an urgent alert.
 */
import { randomBytes } from 'node:crypto';
import { poolFor } from '@throughline/db';
import { createTestDatabase, startTestCluster } from '@throughline/db/testing';
import {
  changeEpisodePhase,
  createEpisode,
  createPractice,
  createUserWithPassword,
  inviteClient,
  newTotpSecret,
  redeemSignUpCode,
} from '@throughline/domain';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/node-postgres';
import { buildApp } from '../apps/server/src/app';
import { actingAs, operatorContext } from '../apps/server/src/operator';
import { createServices } from '../apps/server/src/services';
import { appendRow, describeMachine, latencySummary, machine, writeResult } from './report';
import { signInForBench } from './sign-in';

const CLIENTS = 100;
const CLIENT_PASSWORD = 'a long client pass phrase';
const CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function phq9(): number[] {
  const answers = Array.from({ length: 9 }, () => Math.floor(Math.random() * 4));
  answers[8] = Math.random() < 0.05 ? 1 : 0;
  return answers;
}

async function main(): Promise<void> {
  const cluster = await startTestCluster(process.env.TEST_DATABASE_URL || undefined);
  const database = await createTestDatabase(cluster);
  const pool = poolFor(database.url, 10);
  const services = createServices(drizzle(pool), randomBytes(32), 'http://localhost');
  try {
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
      password: 'a long bench pass phrase',
      totpSecret: newTotpSecret(),
    });
    const asTherapist = actingAs(services, {
      id: therapist.id,
      practiceId: practice.id,
      role: 'therapist',
    });
    const logins: { path: string; username: string }[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const username = `client${i}`;
      // No e-mail: the client joins with a sign-up code and sets a password, as in person.
      const client = await inviteClient(asTherapist, {
        displayName: `Client ${i}`,
        safeContact: { mayEmail: false },
      });
      const code = client.signUpCode?.code;
      if (!code) throw new Error('a client without e-mail got no sign-up code');
      await redeemSignUpCode(op, { code, username, password: CLIENT_PASSWORD });
      const episode = await createEpisode(asTherapist, {
        clientId: client.id,
        title: 'Bench episode',
        reason: 'Benchmark.',
      });
      await changeEpisodePhase(asTherapist, episode.id, { to: 'active', reason: 'Benchmark.' });
      logins.push({ path: `/api/v1/episodes/${episode.id}/responses`, username });
    }
    const app = await buildApp({ services, authRateLimit: 10_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}`;
    const targets = await Promise.all(
      logins.map(async (l) => ({
        path: l.path,
        headers: await signInForBench(base, l.username, CLIENT_PASSWORD),
      })),
    );

    log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s, POST …/responses (PHQ-9)`);
    const latencies: number[] = [];
    const run = autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          setupRequest: (request: Record<string, unknown>) => {
            const target = targets[Math.floor(Math.random() * targets.length)] ?? targets[0];
            return {
              ...request,
              path: target?.path,
              headers: target?.headers,
              body: JSON.stringify({ instrument: 'phq-9', answers: phq9() }),
            };
          },
        },
      ],
    });
    run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
    const result = await run;
    await app.close();

    const m = machine();
    const summary = {
      date: new Date().toISOString(),
      endpoint: 'POST /api/v1/episodes/{id}/responses',
      machine: m,
      node: process.version,
      database: cluster.describe.startsWith('embedded')
        ? 'embedded PostgreSQL 17'
        : 'external PostgreSQL',
      data: { clients: CLIENTS },
      load: { connections: CONNECTIONS, durationSeconds: DURATION_S },
      latencyMs: latencySummary(latencies),
      requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
    };
    log(JSON.stringify(summary, null, 2));
    if (summary.non2xx > 0 || summary.errors > 0) throw new Error('Some requests failed.');
    const file = writeResult('responses', summary);
    const l = summary.latencyMs;
    appendRow(
      'Submitting a response',
      'Measured by `npm run bench:responses` (`bench/responses.ts`): 100 clients of one therapist each ' +
        'submit PHQ-9s as themselves (session cookies) through the real HTTP stack — validate, score, ' +
        'store with encrypted answers, evaluate the alert rules against the episode history, audit — ' +
        'with 20 concurrent connections for 20 seconds; about 5% raise an urgent risk-item alert.',
      '| date | machine | Node | database | p50 ms | p95 ms | p99 ms | responses/s |\n|---|---|---|---|---|---|---|---|',
      `| ${summary.date.slice(0, 10)} | ${describeMachine(m)} | ${summary.node} | ${summary.database} | ${l.p50} | ${l.p95} | ${l.p99} | ${summary.requestsPerSecond} |`,
    );
    log(`Wrote ${file} and a row in docs/performance.md`);
  } finally {
    await pool.end();
    await database.drop();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
