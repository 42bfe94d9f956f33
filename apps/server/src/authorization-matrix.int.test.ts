import type { FastifyInstance, HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { anonymous, type Caller, createHarness, type Harness } from './testing/harness';
import { ACTORS, type ActorKey, type MatrixRow, type ModuleMatrix } from './testing/matrix';
import { signInOnClock, testClock } from './testing/sign-in';

// Every module's rows; the foundation's run last because they enrol two-factor and sign out.
const modules = Object.values(
  import.meta.glob<{ matrix: ModuleMatrix }>('./matrix/*.matrix.ts', { eager: true }),
)
  .map((m) => m.matrix)
  .sort((a, b) => Number(a.name === 'foundation') - Number(b.name === 'foundation'));

let h: Harness;
let app: FastifyInstance;
const clock = testClock();
const served = new Set<string>();
const callers = {} as Record<ActorKey, Caller>;

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
  app = await buildApp({
    services: h.services,
    authRateLimit: 10_000,
    onRoute: (route) => {
      for (const m of [route.method].flat()) {
        if (route.url.startsWith('/api/v1/') && m !== 'HEAD') served.add(`${m} ${route.url}`);
      }
    },
  });
  callers.anonymous = anonymous(app);
  for (const who of ACTORS) {
    if (who !== 'anonymous') callers[who] = await signInOnClock(app, clock, h.cast[who]);
  }
  for (const m of modules) await m.setup?.({ h, now: clock.now });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('authorization matrix', () => {
  it('has a row for every /api/v1 route the app serves, and none for routes it does not', () => {
    expect(served.size).toBeGreaterThan(0);
    const covered = new Set(modules.flatMap((m) => m.rows().map((r) => r.route)));
    expect([...served].filter((r) => !covered.has(r as MatrixRow['route']))).toEqual([]);
    expect([...covered].filter((r) => !served.has(r))).toEqual([]);
  });

  for (const m of modules) {
    for (const row of m.rows()) {
      it(`${m.name}: ${row.route}${row.note ? ` (${row.note})` : ''}`, async () => {
        const order = row.last ? [...ACTORS.filter((a) => a !== row.last), row.last] : ACTORS;
        const actual = {} as Record<ActorKey, number>;
        const notProblems: string[] = [];
        const [method, path] = row.route.split(' ') as [HTTPMethods, string];
        for (const who of order) {
          const raw = row.raw?.(who);
          const body = row.body ? await row.body(who) : undefined;
          const response = await callers[who].request({
            method,
            url: row.url ? row.url(who) : path,
            ...(raw ? { payload: raw.payload, headers: raw.headers } : {}),
            ...(body !== undefined ? { payload: body as object } : {}),
          });
          actual[who] = response.statusCode;
          const type = String(response.headers['content-type']);
          if (response.statusCode >= 400 && !type.includes('application/problem+json')) {
            notProblems.push(who);
          }
          row.after?.(who, response);
        }
        if (row.endsSessions) {
          for (const who of ACTORS)
            if (who !== 'anonymous') callers[who] = await signInOnClock(app, clock, h.cast[who]);
        }
        expect(actual).toEqual(row.expect);
        expect(notProblems).toEqual([]);
      });
    }
  }
});
