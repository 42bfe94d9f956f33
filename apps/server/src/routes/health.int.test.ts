import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

describe('health and identity', () => {
  it('answers health with a database check', async () => {
    const response = await anonymous(h.app).request({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('tells a signed-in therapist who they are, and refuses anonymous callers', async () => {
    const therapist = await signInAs(h.app, h.cast.therapist);
    const me = await therapist.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      userId: h.cast.therapist.userId,
      role: 'therapist',
      practiceId: h.cast.therapist.practiceId,
    });
    const anon = await anonymous(h.app).request({ method: 'GET', url: '/api/v1/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
  });
});
