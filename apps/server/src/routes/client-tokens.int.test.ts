import { issueApiTokenForEmail } from '@throughline/domain';
import { apiTokens } from '@throughline/domain/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorContext } from '../operator';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

// Personal API tokens are for the practice's staff; a client's Security page does not offer them
// (issue 10, account basics). The rule is POLICY's `token.*`; /me's `may` tells the screens.

let h: Harness;
let client: Caller;
let therapist: Caller;

beforeAll(async () => {
  h = await createHarness();
  client = await signInAs(h.app, h.cast.client);
  therapist = await signInAs(h.app, h.cast.therapist);
});
afterAll(async () => h?.close());

const may = async (caller: Caller) =>
  (await caller.request({ method: 'GET', url: '/api/v1/me' })).json().may.manageApiTokens;

describe('personal API tokens for clients', () => {
  it('are not offered to a client, and are to staff', async () => {
    expect(await may(client)).toBe(false);
    expect(await may(therapist)).toBe(true);
  });

  it('are refused to a client by the server, with a reason, and nothing is stored', async () => {
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'my script', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(403);
    expect(created.headers['content-type']).toContain('application/problem+json');
    expect(created.json().detail).toMatch(/for the practice's staff/);
    const listed = await client.request({ method: 'GET', url: '/api/v1/tokens' });
    expect(listed.statusCode).toBe(403);
    const rows = await h.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(apiTokens)
      .where(sql`${apiTokens.userId} = ${h.cast.client.userId}`);
    expect(rows[0]?.n).toBe(0);
  });

  it('cannot be issued for a client at the console, and an old client token is not honoured', async () => {
    await expect(
      issueApiTokenForEmail(operatorContext(h.services), {
        email: h.cast.client.email,
        name: 'script',
        expiresInDays: 1,
      }),
    ).rejects.toThrow(/only for the practice's staff/);
    // A token a client held before tokens became staff-only: issued to a therapist, then moved.
    const issued = await issueApiTokenForEmail(operatorContext(h.services), {
      email: h.cast.therapist.email,
      name: 'moved',
      expiresInDays: 1,
    });
    const bearer = () =>
      h.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${issued.token}` },
      });
    expect((await bearer()).statusCode).toBe(200);
    await h.services.db
      .update(apiTokens)
      .set({ userId: h.cast.client.userId })
      .where(sql`${apiTokens.id} = ${issued.id}`);
    expect((await bearer()).statusCode).toBe(401);
  });
});
