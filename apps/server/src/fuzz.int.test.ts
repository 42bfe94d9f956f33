import { POLICY, type Role } from '@throughline/domain';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from './app';
import { arbitraryFor, type IdSource, type JsonSchema } from './testing/fuzz-arbitraries';
import { INSTRUMENT_KEYS } from './testing/fuzz-values';
import { anonymous, type Caller, createHarness, type Harness } from './testing/harness';
import type { ModuleMatrix } from './testing/matrix';
import { multipartFile, SAMPLE_MP3 } from './testing/multipart';
import { signInOnClock, testClock } from './testing/sign-in';

/**
 * Issue 7, "Must show": every write and list operation of the API, driven by its own schema, with
 * NUL bytes, invalid cursors, odd strings and pathological recurrence rules mixed in, sent by an
 * actor the policy lets in: no answer is a 5xx and none takes a second or more.
 * Reproduce a failure with FUZZ_SEED=<seed printed in the report>.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Runs per route (FUZZ_RUNS overrides both): writes get more, they reach the database. */
const RUNS = {
  write: Number(process.env.FUZZ_RUNS ?? 24),
  read: Number(process.env.FUZZ_RUNS ?? 5),
};
const CEILING_MS = 1000;

type FuzzRoute = {
  method: string;
  url: string;
  policy: keyof typeof POLICY;
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  multipart: boolean;
};

type Request = { actor: string; options: InjectOptions; summary: string };

const matrices = Object.values(
  import.meta.glob<{ matrix: ModuleMatrix }>('./matrix/*.matrix.ts', { eager: true }),
).map((m) => m.matrix);

let h: Harness;
let app: FastifyInstance;
const clock = testClock(Date.parse('2026-03-02T09:00:00Z'));
const routes: FuzzRoute[] = [];
const callers: Record<string, Caller> = {};
const idsByTable = new Map<string, string[]>();
let allIds: string[] = [];

/** URL-encodes any string; a lone surrogate cannot travel in a URL, so it becomes U+FFFD. */
const enc = (value: string): string => encodeURIComponent(value.replace(/\p{Cs}/gu, '\ufffd'));

const toJsonSchema = (schema: unknown): JsonSchema | undefined =>
  schema
    ? (z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema)
    : undefined;

function collect(route: RouteOptions): void {
  const methods = [route.method].flat().map(String);
  const policy = (route.config as { policy?: keyof typeof POLICY } | undefined)?.policy;
  if (!route.url.startsWith('/api/v1/') || !policy) return;
  // Signing out would end the fuzzing actor's own session; it takes no input.
  if (route.url.endsWith('/sign-out')) return;
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  for (const method of methods) {
    if (method === 'HEAD') continue;
    routes.push({
      method,
      url: route.url,
      policy,
      params: toJsonSchema(schema.params),
      query: toJsonSchema(schema.querystring),
      body: toJsonSchema(schema.body),
      multipart: [schema.consumes].flat().includes('multipart/form-data'),
    });
  }
}

/** Every id in the database, by table, without the cast's own users (so none is deactivated). */
async function loadIds(): Promise<void> {
  const tables = await h.database.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
  );
  const cast = new Set(Object.values(h.cast).map((p) => p.userId));
  for (const { table_name: table } of tables.rows) {
    const rows = await h.database.pool.query<{ id: string }>(
      `SELECT id::text FROM "${table}" ORDER BY random() LIMIT 12`,
    );
    idsByTable.set(
      table,
      rows.rows.map((r) => r.id).filter((id) => !cast.has(id)),
    );
  }
  allIds = [...idsByTable.values()].flat();
}

/** `appointmentId` → appointments, `measure-tasks` → measure_tasks, `tokens` → api_tokens. */
const ids: IdSource = (name) => {
  const stem = name
    .replace(/Ids?$/, '')
    .replace(/-/g, '_')
    .replace(/([a-z])([A-Z])/g, '$1_$2');
  const snake = stem.toLowerCase();
  const candidates = [snake, `${snake}s`, snake.replace(/y$/, 'ies')];
  for (const [table, found] of idsByTable) {
    if (candidates.some((c) => table === c || table.endsWith(`_${c}`)) && found.length > 0) {
      return found;
    }
  }
  return allIds;
};

function actorsFor(policy: keyof typeof POLICY): string[] {
  const who = POLICY[policy].who;
  if (who === 'anyone') return ['anonymous', 'therapist'];
  if (who === 'signed-in') return ['therapist', 'client', 'admin'];
  const byRole: Record<Role, string> = {
    therapist: 'therapist',
    client: 'client',
    practice_admin: 'admin',
    supervisor: 'supervisor',
  };
  return (who as readonly Role[]).map((role) => byRole[role]);
}

/** The resource a path parameter names: the segment before it (`/episodes/:id` → episodes). */
function paramArbitrary(route: FuzzRoute, name: string): fc.Arbitrary<string> {
  const segments = route.url.split('/');
  const at = segments.findIndex((s) => s === `:${name}` || s.startsWith(`:${name}.`));
  const resource = segments[at - 1] ?? name;
  if (name === 'key') return fc.oneof(fc.constantFrom(...INSTRUMENT_KEYS), fc.string());
  const schema = route.params?.properties?.[name] ?? { type: 'string' };
  return arbitraryFor(schema, () => ids(resource), name, 3).map((v) => String(v));
}

function requestArbitrary(route: FuzzRoute): fc.Arbitrary<Request> {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  const params = fc.tuple(...names.map((n) => paramArbitrary(route, n)));
  const query = route.query ? arbitraryFor(route.query, ids) : fc.constant(undefined);
  const body = route.multipart
    ? fc
        .tuple(
          fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('song\u0000.mp3', '', '..')),
          fc.constantFrom('audio/mpeg', 'text/plain', 'application/x-msdownload', ''),
          fc.oneof(fc.constant(SAMPLE_MP3), fc.uint8Array({ maxLength: 200 }).map(Buffer.from)),
        )
        .map(([name, type, bytes]) => multipartFile(name, type, bytes))
    : route.body
      ? arbitraryFor(route.body, ids)
      : fc.constant(undefined);
  return fc
    .tuple(fc.constantFrom(...actorsFor(route.policy)), params, query, body)
    .map(([actor, values, q, b]) => {
      let url = route.url;
      names.forEach((name, i) => {
        url = url.replace(`:${name}`, enc(values[i] ?? ''));
      });
      if (q && typeof q === 'object' && !Array.isArray(q)) {
        const search = Object.entries(q as Record<string, unknown>)
          .map(([k, v]) => `${enc(k)}=${enc(typeof v === 'string' ? v : JSON.stringify(v))}`)
          .join('&');
        if (search) url += `?${search}`;
      }
      const options: InjectOptions = { method: route.method as InjectOptions['method'], url };
      if (route.multipart && b) Object.assign(options, b);
      else if (b !== undefined) options.payload = b as InjectOptions['payload'];
      const shown = JSON.stringify(route.multipart ? '<multipart>' : b) ?? '';
      return {
        actor,
        options,
        summary: `${actor} ${route.method} ${url} ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown}`,
      };
    });
}

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
  app = await buildApp({ services: h.services, authRateLimit: 100_000, onRoute: collect });
  await app.ready();
  callers.anonymous = anonymous(app);
  for (const who of ['therapist', 'client', 'admin', 'supervisor'] as const) {
    callers[who] = await signInOnClock(app, clock, h.cast[who]);
  }
  // The matrix's records (episodes, sessions, notes, goals, alerts, tasks…) give real ids to aim at.
  for (const m of matrices) await m.setup?.({ h, now: clock.now });
  await loadIds();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('API fuzz (fast-check, from each route schema)', () => {
  it('answers every generated write, list and read request without a 5xx, each in under 1 s', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let requests = 0;
    let slowest = { ms: 0, summary: '' };
    const statuses = new Map<number, number>();
    for (const route of routes) {
      const write = route.method !== 'GET';
      const result = await fc.check(
        fc.asyncProperty(requestArbitrary(route), async (request) => {
          const started = performance.now();
          const response = await (callers[request.actor] ?? anonymous(app)).request(
            request.options,
          );
          const ms = performance.now() - started;
          requests += 1;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (ms > slowest.ms) slowest = { ms, summary: request.summary };
          if (response.statusCode >= 500) {
            throw new Error(`${response.statusCode}: ${response.body.slice(0, 300)}`);
          }
          if (ms >= CEILING_MS) throw new Error(`took ${Math.round(ms)} ms`);
        }),
        { numRuns: write ? RUNS.write : RUNS.read, seed: SEED, endOnFailure: true },
      );
      if (result.failed) {
        failures.push(
          `${route.method} ${route.url}: ${String(result.errorInstance)}\n  ${(result.counterexample?.[0] as Request | undefined)?.summary}`,
        );
      }
      // Writes create records: later routes aim at them too.
      if (write) await loadIds();
    }
    console.info(
      `fuzz: ${routes.length} routes, ${requests} requests (${[...statuses]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(
          ' ',
        )}), seed ${SEED}; slowest ${Math.round(slowest.ms)} ms: ${slowest.summary.slice(0, 200)}`,
    );
    expect(failures, `seed ${SEED}`).toEqual([]);
  }, 300_000);
});
