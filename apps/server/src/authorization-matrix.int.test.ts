import { randomUUID } from 'node:crypto';
import {
  currentTotp,
  inviteStaff,
  issueApiTokenForEmail,
  listOutbox,
  type Services,
} from '@throughline/domain';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { actingAs, operatorContext } from './operator';
import {
  anonymous,
  type Caller,
  createHarness,
  type Harness,
  PASSWORD,
  type Person,
  sessionCaller,
} from './testing/harness';

/** Every /api/v1 route × every kind of caller → the exact status. Allowed means a 2xx. */
const ACTORS = [
  'anonymous',
  'client',
  'otherClient',
  'therapist',
  'otherTherapist',
  'supervisor',
  'admin',
  'otherPracticeAdmin',
] as const;
type ActorKey = (typeof ACTORS)[number];
type Signed = Exclude<ActorKey, 'anonymous'>;

/** One status per actor, in the column order of ACTORS. */
const statuses = (...s: number[]): Record<ActorKey, number> =>
  Object.fromEntries(ACTORS.map((a, i) => [a, s[i]])) as Record<ActorKey, number>;

type Row = {
  route: `${HTTPMethods} /api/v1/${string}`;
  /** What is being asked, when one route has several rows. */
  note?: string;
  url?: (who: ActorKey) => string;
  body?: (who: ActorKey) => unknown;
  /** Actors asked last (the owner of a record, so the others meet it still in place). */
  last?: ActorKey;
  expect: Record<ActorKey, number>;
  after?: (who: ActorKey, response: LightMyRequestResponse) => void;
};

let h: Harness;
let app: FastifyInstance;
let clock = Date.now();
const served = new Set<string>();
const callers = {} as Record<ActorKey, Caller>;
const ownTokenIds = {} as Record<Signed, string>;
const acceptTokens = {} as Record<ActorKey, string>;
const pendingSecrets = {} as Partial<Record<ActorKey, string>>;
let readableInvitation = '';
let therapistTokenId = '';
const unique = (who: ActorKey): string => `${who.toLowerCase()}-${randomUUID()}@matrix.example`;

async function invitationFor(services: Services, admin: Person, email: string): Promise<string> {
  const ctx = actingAs(services, {
    id: admin.userId,
    practiceId: admin.practiceId,
    role: 'practice_admin',
  });
  await inviteStaff(ctx, { email, displayName: email, role: 'therapist' });
  const mail = (await listOutbox(ctx, 200)).find((m) => m.to === email);
  const token = mail?.text.match(/\/invitations\/([\w-]+)/)?.[1];
  if (!token) throw new Error(`no invitation e-mail for ${email}`);
  return token;
}

/** Signs in on a fresh TOTP step of the test clock, so no code is ever a replay. */
async function signIn(person: Person): Promise<Caller> {
  clock += 31_000;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: person.email, password: PASSWORD },
  });
  expect(response.statusCode).toBe(200);
  const caller = sessionCaller(
    app,
    Object.fromEntries(response.cookies.map((c) => [c.name, c.value])),
  );
  if (response.json().next === 'two-factor') {
    const code = await currentTotp(person.totpSecret ?? '', new Date(clock));
    const verify = await caller.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      payload: { code },
    });
    expect(verify.statusCode).toBe(200);
  }
  return caller;
}

beforeAll(async () => {
  h = await createHarness();
  h.services.now = () => new Date(clock);
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
    if (who === 'anonymous') continue;
    const person = h.cast[who];
    callers[who] = await signIn(person);
    const op = operatorContext(h.services);
    const issued = await issueApiTokenForEmail(op, {
      email: person.email,
      name: 'own',
      expiresInDays: 1,
    });
    ownTokenIds[who] = issued.id;
  }
  const kept = await issueApiTokenForEmail(operatorContext(h.services), {
    email: h.cast.therapist.email,
    name: 'therapist-only',
    expiresInDays: 1,
  });
  therapistTokenId = kept.id;
  readableInvitation = await invitationFor(h.services, h.cast.admin, 'readable@matrix.example');
  for (const who of ACTORS)
    acceptTokens[who] = await invitationFor(h.services, h.cast.admin, unique(who));
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const own = (who: ActorKey): Person => h.cast[who === 'anonymous' ? 'client' : who];

// Order matters: enrolment changes who has two-factor, and sign-out ends the sessions, so they run last.
const ROWS: Row[] = [
  //                                          anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'POST /api/v1/auth/sign-in',
    body: (who) => ({ email: own(who).email, password: PASSWORD }),
    expect: statuses(200, 200, 200, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /api/v1/auth/two-factor/verify',
    note: 'after the ceremony is complete',
    body: () => ({ code: '000000' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 403, 403),
  },
  { route: 'GET /api/v1/me', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200) },
  { route: 'GET /api/v1/portal', expect: statuses(401, 200, 200, 403, 403, 403, 403, 403) },
  {
    route: 'GET /api/v1/invitations/:token',
    url: () => `/api/v1/invitations/${readableInvitation}`,
    expect: statuses(200, 200, 200, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /api/v1/invitations/:token/accept',
    url: (who) => `/api/v1/invitations/${acceptTokens[who]}/accept`,
    body: () => ({ password: 'a long enough pass phrase' }),
    expect: statuses(204, 204, 204, 204, 204, 204, 204, 204),
  },
  { route: 'GET /api/v1/clients', expect: statuses(401, 403, 403, 200, 200, 200, 403, 403) },
  {
    route: 'POST /api/v1/clients',
    body: (who) => ({ displayName: 'New client', email: unique(who) }),
    expect: statuses(401, 403, 403, 201, 201, 403, 403, 403),
  },
  {
    route: 'GET /api/v1/clients/:id',
    note: "the therapist's client",
    url: () => `/api/v1/clients/${h.cast.client.clientId}`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/clients/:id',
    note: 'a client that does not exist',
    url: () => `/api/v1/clients/${randomUUID()}`,
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  { route: 'GET /api/v1/tokens', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200) },
  {
    route: 'POST /api/v1/tokens',
    body: () => ({ name: 'matrix', expiresInDays: 1 }),
    expect: statuses(401, 403, 403, 201, 201, 201, 201, 201),
    after: (_who, response) => {
      if (response.statusCode === 201) expect(response.json().token).toMatch(/^tl_/);
    },
  },
  {
    route: 'DELETE /api/v1/tokens/:id',
    note: "the therapist's token",
    url: () => `/api/v1/tokens/${therapistTokenId}`,
    last: 'therapist',
    expect: statuses(401, 404, 404, 204, 404, 404, 404, 404),
  },
  {
    route: 'DELETE /api/v1/tokens/:id',
    note: "the caller's own token",
    url: (who) => `/api/v1/tokens/${who === 'anonymous' ? ownTokenIds.client : ownTokenIds[who]}`,
    expect: statuses(401, 204, 204, 204, 204, 204, 204, 204),
  },
  { route: 'GET /api/v1/admin/users', expect: statuses(401, 403, 403, 403, 403, 403, 200, 200) },
  {
    route: 'POST /api/v1/admin/users',
    body: (who) => ({ email: unique(who), displayName: 'New colleague', role: 'supervisor' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 201, 201),
  },
  { route: 'GET /api/v1/practice', expect: statuses(401, 403, 403, 403, 403, 403, 200, 200) },
  {
    route: 'PATCH /api/v1/practice',
    body: () => ({ timeZone: 'Europe/Dublin' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  { route: 'GET /api/v1/admin/outbox', expect: statuses(401, 403, 403, 403, 403, 403, 200, 200) },
  {
    route: 'GET /api/v1/admin/audit/verify',
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  {
    route: 'POST /api/v1/auth/two-factor/enrolment',
    body: () => ({}),
    expect: statuses(401, 200, 200, 200, 200, 200, 200, 200),
    after: (who, response) => {
      if (response.statusCode === 200) pendingSecrets[who] = response.json().secret;
    },
  },
  {
    route: 'POST /api/v1/auth/two-factor/enrolment/confirm',
    body: async (who) => {
      const secret = pendingSecrets[who];
      return { code: secret ? await currentTotp(secret, new Date(clock)) : '000000' };
    },
    expect: statuses(401, 200, 200, 200, 200, 200, 200, 200),
  },
  { route: 'POST /api/v1/auth/sign-out', expect: statuses(401, 204, 204, 204, 204, 204, 204, 204) },
];

describe('authorization matrix', () => {
  it('has a row for every /api/v1 route the app serves, and none for routes it does not', () => {
    expect(served.size).toBeGreaterThan(0);
    const covered = new Set(ROWS.map((r) => r.route));
    expect([...served].filter((r) => !covered.has(r as Row['route']))).toEqual([]);
    expect([...covered].filter((r) => !served.has(r))).toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.route}${row.note ? ` (${row.note})` : ''}`, async () => {
      const order = row.last ? [...ACTORS.filter((a) => a !== row.last), row.last] : ACTORS;
      const actual = {} as Record<ActorKey, number>;
      const notProblems: string[] = [];
      const [method, path] = row.route.split(' ') as [HTTPMethods, string];
      for (const who of order) {
        const body = row.body ? await row.body(who) : undefined;
        const response = await callers[who].request({
          method,
          url: row.url ? row.url(who) : path,
          ...(body !== undefined ? { payload: body as object } : {}),
        });
        actual[who] = response.statusCode;
        const type = String(response.headers['content-type']);
        if (response.statusCode >= 400 && !type.includes('application/problem+json')) {
          notProblems.push(who);
        }
        row.after?.(who, response);
      }
      expect(actual).toEqual(row.expect);
      expect(notProblems).toEqual([]);
    });
  }
});
