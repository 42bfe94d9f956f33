import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import {
  acceptInvitation,
  createPractice,
  createUserWithPassword,
  currentTotp,
  inviteClient,
  issueApiTokenForEmail,
  issueInvitationLink,
  newTotpSecret,
  type Role,
  type Services,
  sealAuditEvents,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { actingAs, operatorContext } from '../operator';
import { createServices } from '../services';

export const PASSWORD = 'correct horse battery staple';

export type Person = {
  key: string;
  email: string;
  role: Role;
  userId: string;
  practiceId: string;
  totpSecret?: string;
  clientId?: string;
};

/**
 * The cast of the authorization matrix: two practices; in the first an admin, two therapists
 * each with one client, and a supervisor; in the second an admin and a therapist.
 */
export type Cast = Record<
  | 'admin'
  | 'therapist'
  | 'otherTherapist'
  | 'supervisor'
  | 'client'
  | 'otherClient'
  | 'otherPracticeAdmin'
  | 'otherPracticeTherapist',
  Person
>;

export type Harness = {
  app: FastifyInstance;
  services: Services;
  database: TestDatabase;
  cast: Cast;
  close: () => Promise<void>;
};

export type Caller = {
  /** Sends a request as this caller (cookies, CSRF header or bearer token added). */
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
};

export async function createServicesForTest(database: TestDatabase): Promise<Services> {
  return createServices(database.db, randomBytes(32), 'http://localhost:3000');
}

/** Creates the cast through the real use-cases (clients accept their e-mailed invitations). */
export async function seedCast(services: Services): Promise<Cast> {
  const op = operatorContext(services);
  const first = await createPractice(op, { name: 'First Practice', timeZone: 'Europe/London' });
  const second = await createPractice(op, {
    name: 'Second Practice',
    timeZone: 'America/New_York',
  });
  const staff = async (key: string, practiceId: string, role: Role): Promise<Person> => {
    const totpSecret = newTotpSecret();
    const email = `${key.toLowerCase()}@test.example`;
    const user = await createUserWithPassword(op, {
      practiceId,
      email,
      displayName: key,
      role,
      password: PASSWORD,
      totpSecret,
    });
    return { key, email, role, userId: user.id, practiceId, totpSecret };
  };
  const admin = await staff('admin', first.id, 'practice_admin');
  const therapist = await staff('therapist', first.id, 'therapist');
  const otherTherapist = await staff('otherTherapist', first.id, 'therapist');
  const supervisor = await staff('supervisor', first.id, 'supervisor');
  const otherPracticeAdmin = await staff('otherPracticeAdmin', second.id, 'practice_admin');
  const otherPracticeTherapist = await staff('otherPracticeTherapist', second.id, 'therapist');
  const client = async (key: string, of: Person): Promise<Person> => {
    const email = `${key.toLowerCase()}@test.example`;
    const view = await inviteClient(
      actingAs(services, { id: of.userId, practiceId: of.practiceId, role: 'therapist' }),
      {
        displayName: key,
        email,
      },
    );
    await acceptInvitation(op, await issueInvitationLink(services, email), PASSWORD);
    return { key, email, role: 'client', userId: '', practiceId: of.practiceId, clientId: view.id };
  };
  const c1 = await client('client', therapist);
  const c2 = await client('otherClient', otherTherapist);
  // The clients' own user ids, for tests that act as them.
  for (const c of [c1, c2]) {
    const result = await services.db.execute<{ user_id: string }>(
      sql`SELECT user_id FROM clients WHERE id = ${c.clientId}`,
    );
    c.userId = result.rows[0]?.user_id ?? '';
  }
  return {
    admin,
    therapist,
    otherTherapist,
    supervisor,
    client: c1,
    otherClient: c2,
    otherPracticeAdmin,
    otherPracticeTherapist,
  };
}

/** A fresh database, services, app and cast for one test file. */
export async function createHarness(): Promise<Harness> {
  const database = await createTestDatabase(inject('database'));
  const services = await createServicesForTest(database);
  const app = await buildApp({ services, authRateLimit: 10_000 });
  const cast = await seedCast(services);
  return {
    app,
    services,
    database,
    cast,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export function parseSetCookies(response: LightMyRequestResponse): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const c of response.cookies) jar[c.name] = c.value;
  return jar;
}

/** Signs in through the API (password, then TOTP when the person has it) and returns a caller. */
export async function signInAs(app: FastifyInstance, person: Person): Promise<Caller> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: person.email, password: PASSWORD },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${person.email} failed: ${response.body}`);
  const cookies = parseSetCookies(response);
  const caller = sessionCaller(app, cookies);
  if (response.json().next === 'two-factor' && person.totpSecret) {
    const verify = await caller.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      payload: { code: await currentTotp(person.totpSecret) },
    });
    if (verify.statusCode !== 200)
      throw new Error(`two-factor of ${person.email} failed: ${verify.body}`);
  }
  return caller;
}

export function sessionCaller(app: FastifyInstance, cookies: Record<string, string>): Caller {
  return {
    cookies,
    request: (options) =>
      app.inject({
        ...options,
        cookies: { ...cookies, ...(options.cookies ?? {}) },
        headers: { 'x-csrf-token': cookies.tl_csrf ?? '', ...(options.headers ?? {}) },
      }),
  };
}

export async function bearerCaller(
  app: FastifyInstance,
  services: Services,
  person: Person,
): Promise<Caller> {
  const issued = await issueApiTokenForEmail(operatorContext(services), {
    email: person.email,
    name: 'test',
    expiresInDays: 1,
  });
  return {
    cookies: {},
    request: (options) =>
      app.inject({
        ...options,
        headers: { authorization: `Bearer ${issued.token}`, ...(options.headers ?? {}) },
      }),
  };
}

export const anonymous = (app: FastifyInstance): Caller => ({
  cookies: {},
  request: (options) => app.inject(options),
});

export { sealAuditEvents };
