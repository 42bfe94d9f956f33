import { type Action, isAction, POLICY, phasesOf } from '@throughline/domain';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { anonymous, createHarness, type Harness } from './testing/harness';

type SeenRoute = { methods: string[]; url: string; policy: unknown; hidden: boolean };

let h: Harness;
let app: FastifyInstance;
const routes: SeenRoute[] = [];

beforeAll(async () => {
  h = await createHarness();
  // A second app over the same services, watching every route as it is registered.
  app = await buildApp({
    services: h.services,
    onRoute: (route: RouteOptions) => {
      routes.push({
        methods: [route.method].flat().map(String),
        url: route.url,
        policy: (route.config as { policy?: unknown } | undefined)?.policy,
        hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide),
      });
    },
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const api = (): SeenRoute[] => routes.filter((r) => r.url.startsWith('/api/v1/'));
const openApiPath = (url: string): string => url.replace(/:(\w+)/g, '{$1}');

describe('route table', () => {
  it('sees the routes the app serves', () => {
    const urls = routes.map((r) => r.url);
    expect(urls).toContain('/api/health');
    expect(urls).toContain('/api/openapi.json');
    expect(urls).toContain('/api/v1/clients/:id');
    expect(api().length).toBeGreaterThanOrEqual(15);
  });

  it('gives every route a policy that names an action in POLICY', () => {
    const missing = routes
      .filter((r) => !isAction(r.policy))
      .map((r) => `${r.methods.join(',')} ${r.url} -> ${String(r.policy)}`);
    expect(missing).toEqual([]);
    for (const r of routes) expect(Object.keys(POLICY)).toContain(r.policy);
  });

  it('uses only the docs and health policies for routes outside /api/v1', () => {
    const outside = routes.filter((r) => !r.url.startsWith('/api/v1/'));
    for (const r of outside) expect(['docs.read', 'health.read']).toContain(r.policy);
  });

  it('leaves no policy action unused except web.read (only with a web folder)', () => {
    const used = new Set(routes.map((r) => r.policy));
    const unused = Object.keys(POLICY).filter((a) => !used.has(a));
    expect(unused).toEqual(['web.read']);
  });

  it('serves every phase-limited action on an episode record route (the 409 has a record to name)', () => {
    const limited = (Object.keys(POLICY) as Action[]).filter((a) => phasesOf(a) !== undefined);
    expect(limited.length).toBeGreaterThan(0);
    for (const action of limited) {
      const served = routes.filter((r) => r.policy === action);
      expect(served.length, action).toBeGreaterThan(0);
      // Every such route names the record it acts on, so not-yours (404) is told from its phase (409).
      for (const r of served) expect(r.url, action).toMatch(/\/:id(\/|$)/);
    }
  });

  it('refuses a request to a route registered without a policy (default deny)', async () => {
    const bare = await buildApp({ services: h.services });
    bare.get('/api/v1/unguarded', async () => ({ secret: 'leaked' }));
    await bare.ready();
    try {
      const response = await bare.inject({ method: 'GET', url: '/api/v1/unguarded' });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toContain('leaked');
    } finally {
      await bare.close();
    }
  });
});

describe('OpenAPI document', () => {
  it('documents every visible /api/v1 route with its method', async () => {
    const response = await anonymous(app).request({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, unknown>>;
    const undocumented: string[] = [];
    for (const r of api().filter((x) => !x.hidden)) {
      for (const method of r.methods.filter((m) => m !== 'HEAD')) {
        const entry = paths[openApiPath(r.url)];
        if (!entry?.[method.toLowerCase()]) undocumented.push(`${method} ${r.url}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('documents no /api/v1 path the app does not serve', async () => {
    const response = await anonymous(app).request({ method: 'GET', url: '/api/openapi.json' });
    const served = new Set(api().map((r) => openApiPath(r.url)));
    const documented = Object.keys(response.json().paths).filter((p) => p.startsWith('/api/v1/'));
    expect(documented.filter((p) => !served.has(p))).toEqual([]);
  });
});
