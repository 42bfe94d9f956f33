import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let otherTherapist: Caller;
let client: Caller;

beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
  otherTherapist = await signInAs(h.app, h.cast.otherTherapist);
  client = await signInAs(h.app, h.cast.client);
});
afterAll(async () => h?.close());

let n = 0;
const address = (): string => `person-${++n}-${Date.now()}@clients.example`;

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = await h.services.db.execute<{ n: string }>(query);
  return Number(result.rows[0]?.n);
}
const outboxTo = (email: string) =>
  count(sql`SELECT count(*) AS n FROM outbox_messages WHERE to_address = ${email}`);

const create = (payload: Record<string, unknown>) =>
  therapist.request({ method: 'POST', url: '/api/v1/clients', payload });

describe('POST /api/v1/clients with details', () => {
  it('records every detail and shows them in the list and the record', async () => {
    const email = address();
    const response = await create({
      displayName: 'Samuel Rivera',
      email,
      preferredName: 'Sam',
      pronouns: 'they/them',
      dateOfBirth: '1994-03-12',
      timeZone: 'America/New_York',
      phone: '+1 212 555 0100',
      emergencyContact: { name: 'Ana Rivera', phone: '+1 212 555 0101', relationship: 'sister' },
      safeContact: { emailMayIncludeDetails: true, remindersEnabled: false },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    const expected = {
      displayName: 'Samuel Rivera',
      preferredName: 'Sam',
      pronouns: 'they/them',
      dateOfBirth: '1994-03-12',
      timeZone: 'America/New_York',
      email,
      phone: '+1 212 555 0100',
      emergencyContact: { name: 'Ana Rivera', phone: '+1 212 555 0101', relationship: 'sister' },
      safeContact: { mayEmail: true, emailMayIncludeDetails: true, remindersEnabled: false },
      status: 'invited',
    };
    expect(created).toMatchObject({ ...expected, invitationSent: true });
    expect(await outboxTo(email)).toBe(1);
    const one = await therapist.request({ method: 'GET', url: `/api/v1/clients/${created.id}` });
    expect(one.json()).toMatchObject(expected);
    expect(one.json()).not.toHaveProperty('invitationSent');
    const list = await therapist.request({ method: 'GET', url: '/api/v1/clients' });
    expect(list.json().items.find((c: { id: string }) => c.id === created.id)).toMatchObject(
      expected,
    );
  });

  it("defaults to the practice's time zone and the safe-contact defaults", async () => {
    const response = await create({ displayName: 'Plain Client', email: address() });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      timeZone: 'Europe/London',
      preferredName: null,
      pronouns: null,
      dateOfBirth: null,
      phone: null,
      emergencyContact: null,
      safeContact: { mayEmail: true, emailMayIncludeDetails: false, remindersEnabled: true },
      invitationSent: true,
    });
  });

  it("gives a client whose time zone is left blank the practice's zone, not UTC", async () => {
    // A practice outside UTC and London, so neither default could pass by accident.
    const admin = await signInAs(h.app, h.cast.admin);
    const practice = (zone: string) =>
      admin.request({ method: 'PATCH', url: '/api/v1/practice', payload: { timeZone: zone } });
    expect((await practice('America/Chicago')).statusCode).toBe(200);
    try {
      for (const timeZone of ['', '   ', undefined]) {
        const response = await create({ displayName: 'Blank Zone', email: address(), timeZone });
        expect(response.statusCode).toBe(201);
        expect(response.json().timeZone).toBe('America/Chicago');
      }
    } finally {
      expect((await practice('Europe/London')).statusCode).toBe(200);
    }
  });

  it('with invite: false creates the record and the login but sends nothing', async () => {
    const email = address();
    const response = await create({ displayName: 'Quiet Client', email, invite: false });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ invitationSent: false, status: 'invited' });
    expect(await outboxTo(email)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM users WHERE email = ${email}`)).toBe(1);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email = ${email}`,
      ),
    ).toBe(0);
  });

  it('sends no invitation e-mail to a client who may not be e-mailed, and says so', async () => {
    const email = address();
    const response = await create({
      displayName: 'Safe Client',
      email,
      invite: true,
      safeContact: { mayEmail: false },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      invitationSent: false,
      safeContact: { mayEmail: false, emailMayIncludeDetails: false, remindersEnabled: true },
    });
    expect(await outboxTo(email)).toBe(0);
  });

  it.each([
    ['dateOfBirth', { dateOfBirth: '1990-02-30' }],
    ['dateOfBirth', { dateOfBirth: '12/03/1990' }],
    ['dateOfBirth', { dateOfBirth: '2999-01-01' }],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
    ['phone', { phone: 'call me maybe' }],
    ['emergencyContact', { emergencyContact: { name: 'Only a name' } }],
    ['safeContact', { safeContact: { mayEmail: 'no' } }],
  ])('refuses a bad %s with 400 naming it, writing nothing', async (field, extra) => {
    const before = await count(sql`SELECT count(*) AS n FROM clients`);
    const email = address();
    const response = await create({ displayName: 'Bad Input', email, ...extra });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.detail).toContain(field);
    expect(body.errors.map((e: { path: string }) => e.path).join(' ')).toContain(field);
    expect(await count(sql`SELECT count(*) AS n FROM clients`)).toBe(before);
    expect(await outboxTo(email)).toBe(0);
  });

  it('accepts a date of birth of today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const response = await create({ displayName: 'Newborn', email: address(), dateOfBirth: today });
    expect(response.statusCode).toBe(201);
  });
});

describe('PATCH /api/v1/clients/{id}', () => {
  let id = '';
  beforeAll(async () => {
    const response = await create({
      displayName: 'Jordan Lee',
      email: address(),
      phone: '+44 20 7946 0958',
      invite: false,
    });
    id = response.json().id;
  });
  const patch = (payload: Record<string, unknown>, as: Caller = therapist) =>
    as.request({ method: 'PATCH', url: `/api/v1/clients/${id}`, payload });

  it('changes the given fields, clears nulls, leaves the rest, and audits which fields', async () => {
    const response = await patch({
      displayName: 'Jordan A. Lee',
      pronouns: 'he/him',
      timeZone: 'America/New_York',
      phone: null,
      emergencyContact: { name: 'Kim Lee', phone: '+1 646 555 0199', relationship: 'partner' },
      safeContact: { remindersEnabled: false },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      displayName: 'Jordan A. Lee',
      pronouns: 'he/him',
      timeZone: 'America/New_York',
      phone: null,
      emergencyContact: { name: 'Kim Lee', phone: '+1 646 555 0199', relationship: 'partner' },
      safeContact: { mayEmail: true, emailMayIncludeDetails: false, remindersEnabled: false },
    });
    const again = await therapist.request({ method: 'GET', url: `/api/v1/clients/${id}` });
    expect(again.json().pronouns).toBe('he/him');
    const cleared = await patch({ emergencyContact: null });
    expect(cleared.json().emergencyContact).toBeNull();
    expect(cleared.json().pronouns).toBe('he/him');
    const audit = await h.services.db.execute<{ detail: { fields: string } }>(
      sql`SELECT detail FROM audit_events WHERE action = 'client.update' AND resource_id = ${id} AND outcome = 'success' ORDER BY id`,
    );
    expect(audit.rows[0]?.detail.fields).toBe(
      'displayName,emergencyContactName,emergencyContactPhone,emergencyContactRelationship,phone,pronouns,remindersEnabled,timeZone',
    );
  });

  it('refuses the e-mail address, an empty change and bad values with 400, changing nothing', async () => {
    for (const [payload, field] of [
      [{ email: 'new@clients.example' }, 'email'],
      [{}, ''],
      [{ dateOfBirth: '2999-12-31' }, 'dateOfBirth'],
      [{ timeZone: 'Europe/Atlantis' }, 'timeZone'],
      [{ displayName: '' }, 'displayName'],
      [{ displayName: null }, 'displayName'],
    ] as const) {
      const response = await patch(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().detail).toContain(field);
    }
    const still = await therapist.request({ method: 'GET', url: `/api/v1/clients/${id}` });
    expect(still.json()).toMatchObject({
      displayName: 'Jordan A. Lee',
      timeZone: 'America/New_York',
    });
  });

  it('answers another therapist with 404 and records the denied attempt', async () => {
    const response = await patch({ pronouns: 'they/them' }, otherTherapist);
    expect(response.statusCode).toBe(404);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM audit_events WHERE action = 'client.update' AND resource_id = ${id} AND outcome = 'denied'`,
      ),
    ).toBe(1);
  });
});

describe('client visibility through episodes', () => {
  it("lets a therapist see a colleague's client once they have an episode with them", async () => {
    const url = `/api/v1/clients/${h.cast.client.clientId}`;
    expect((await otherTherapist.request({ method: 'GET', url })).statusCode).toBe(404);
    // How a second therapist comes to work with a client (cover, transfer) arrives with later
    // issues; here the episode is written directly.
    await h.services.db.execute(sql`
      INSERT INTO episodes (practice_id, client_id, therapist_id, title)
      VALUES (${h.cast.otherTherapist.practiceId}, ${h.cast.client.clientId}, ${h.cast.otherTherapist.userId}, 'Cover')`);
    expect((await otherTherapist.request({ method: 'GET', url })).statusCode).toBe(200);
    const list = await otherTherapist.request({ method: 'GET', url: '/api/v1/clients' });
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(h.cast.client.clientId);
  });
});

describe('PATCH /api/v1/portal/preferences', () => {
  it("sets the client's own safe-contact preferences and time zone", async () => {
    const response = await client.request({
      method: 'PATCH',
      url: '/api/v1/portal/preferences',
      payload: { timeZone: 'Asia/Tokyo', safeContact: { mayEmail: false } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      timeZone: 'Asia/Tokyo',
      safeContact: { mayEmail: false, emailMayIncludeDetails: false, remindersEnabled: true },
    });
    const seen = await therapist.request({
      method: 'GET',
      url: `/api/v1/clients/${h.cast.client.clientId}`,
    });
    expect(seen.json()).toMatchObject({ timeZone: 'Asia/Tokyo', safeContact: { mayEmail: false } });
  });

  it('refuses other fields, an empty change and an unknown time zone', async () => {
    for (const payload of [
      { pronouns: 'they/them' },
      {},
      { timeZone: 'Nowhere/Special' },
      { safeContact: { sendMeEverything: true } },
    ]) {
      const response = await client.request({
        method: 'PATCH',
        url: '/api/v1/portal/preferences',
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });
});
