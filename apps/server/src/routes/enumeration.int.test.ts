import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  type Caller,
  createHarness,
  type Harness,
  PASSWORD,
  sealAuditEvents,
  signInAs,
} from '../testing/harness';

// Issue 7 item 11: answers must not reveal who has an account, in this practice or another.

let h: Harness;
let therapist: Caller;
let admin: Caller;
beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
  admin = await signInAs(h.app, h.cast.admin);
});
afterAll(async () => h?.close());

/** The parts of a problem that could tell two cases apart (the request id always differs). */
function problem(response: { statusCode: number; json: () => Record<string, unknown> }) {
  const { requestId: _ignored, ...rest } = response.json();
  return { status: response.statusCode, ...rest };
}

describe('e-mail addresses in use elsewhere', () => {
  const addClient = (email: string) =>
    therapist.request({
      method: 'POST',
      url: '/api/v1/clients',
      payload: { displayName: 'Someone', email },
    });
  const addStaff = (email: string) =>
    admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { displayName: 'Someone', email, role: 'therapist' },
    });

  it('a client whose address belongs to another practice gets the same answer as any unusable address', async () => {
    const elsewhere = await addClient(h.cast.otherPracticeTherapist.email);
    const here = await addClient(h.cast.otherClient.email);
    expect(elsewhere.statusCode).toBe(409);
    expect(problem(elsewhere)).toEqual(problem(here));
    expect(elsewhere.body).not.toContain(h.cast.otherPracticeTherapist.email);
    expect(elsewhere.body).not.toContain('Second Practice');
  });

  it('so does a member of staff', async () => {
    const elsewhere = await addStaff(h.cast.otherPracticeAdmin.email.toUpperCase());
    const here = await addStaff(h.cast.supervisor.email);
    expect(elsewhere.statusCode).toBe(409);
    expect(problem(elsewhere)).toEqual(problem(here));
    expect(elsewhere.body).not.toContain(h.cast.otherPracticeAdmin.email);
  });

  it('records the refused attempts, without the address', async () => {
    await addClient(h.cast.otherPracticeAdmin.email);
    await sealAuditEvents(h.services.db);
    const result = await h.database.pool.query<{ detail: unknown }>(
      `SELECT detail FROM audit_events WHERE action = 'client.create' AND outcome = 'failure'`,
    );
    expect(result.rows.length).toBeGreaterThanOrEqual(1);
    expect(result.rows[0]?.detail).toEqual({ reason: 'email-unavailable' });
  });
});

describe('sign-in of a locked account', () => {
  it('answers exactly as for an address that has no account', async () => {
    const signIn = (email: string, password: string) =>
      anonymous(h.app).request({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password },
      });
    const victim = h.cast.otherClient.email;
    for (let i = 0; i < 5; i++)
      expect((await signIn(victim, 'not the password')).statusCode).toBe(401);
    const locked = await signIn(victim, PASSWORD);
    const unknown = await signIn('nobody-here@test.example', PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(problem(locked)).toEqual(problem(unknown));
  });
});
