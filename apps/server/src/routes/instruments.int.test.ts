import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let client: Caller;

beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
  client = await signInAs(h.app, h.cast.client);
});
afterAll(async () => h.close());

const score = (caller: Caller, key: string, answers: unknown[]) =>
  caller.request({ method: 'POST', url: `/api/v1/instruments/${key}/score`, payload: { answers } });

describe('POST /api/v1/instruments/:key/score (CLINICAL.md §6)', () => {
  it('scores a PHQ-9 and flags item 9 > 0, exactly in the §6 shape', async () => {
    const response = await score(therapist, 'phq-9', [2, 2, 1, 1, 1, 1, 1, 1, 1]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      instrument: 'phq-9',
      total: 11,
      band: 'moderate',
      flags: ['risk-item'],
      subscales: {},
    });
  });

  it('adds the WHO-5 percentage', async () => {
    const response = await score(therapist, 'who-5', [3, 3, 3, 2, 2]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      instrument: 'who-5',
      total: 13,
      percentage: 52,
      band: 'adequate',
      flags: [],
      subscales: {},
    });
  });

  it('returns PHQ-4 subscales and flags', async () => {
    const response = await score(therapist, 'phq-4', [2, 1, 0, 1]);
    expect(response.json()).toMatchObject({
      subscales: { 'gad-2': 3, 'phq-2': 1 },
      flags: ['anxiety-positive'],
    });
  });

  it('refuses an out-of-range answer with a problem naming the item', async () => {
    const response = await score(therapist, 'phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 4]);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: expect.stringMatching(/^Item 9 must be 0–3\./),
      errors: [{ path: 'answers[8]', message: 'Item 9 must be 0–3.' }],
      // Out of range, but not "not at all": the safe reading keeps the risk flag (CLINICAL.md §1).
      flags: ['risk-item'],
    });
  });

  it('refuses a short form (never prorates), naming the missing item', async () => {
    const response = await score(therapist, 'gad-7', [1, 1, 1, 1, 1, 1]);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'answers[6]', message: 'Item 7 is missing (must be 0–3).' },
    ]);
  });

  it('refuses a non-integer answer', async () => {
    const response = await score(therapist, 'phq-4', [1, 1.5, 1, 1]);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'answers[1]' });
  });

  it('answers 404 for an unknown instrument', async () => {
    const response = await score(therapist, 'oq-45', [1, 2, 3]);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses unknown body fields', async () => {
    const response = await therapist.request({
      method: 'POST',
      url: '/api/v1/instruments/phq-9/score',
      payload: { answers: Array(9).fill(0), extra: true },
    });
    expect(response.statusCode).toBe(400);
  });

  it('refuses a client (clinicians only) and allows a supervisor', async () => {
    expect((await score(client, 'phq-9', Array(9).fill(0))).statusCode).toBe(403);
    const supervisor = await signInAs(h.app, h.cast.supervisor);
    expect((await score(supervisor, 'phq-9', Array(9).fill(0))).statusCode).toBe(200);
  });
});
