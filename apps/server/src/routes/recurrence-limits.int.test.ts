import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEpisodeFor } from '../testing/episodes';
import { anonymous, type Caller, createHarness, type Harness, signInAs } from '../testing/harness';

let h: Harness;
let therapist: Caller;
let episodeId = '';

beforeAll(async () => {
  h = await createHarness();
  therapist = await signInAs(h.app, h.cast.therapist);
  episodeId = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
});
afterAll(async () => h?.close());

const book = (rrule: string) =>
  therapist.request({
    method: 'POST',
    url: `/api/v1/episodes/${episodeId}/appointments`,
    payload: { start: '2026-12-01T10:00', recurrence: { rrule } },
  });

const rows = async (): Promise<number> =>
  (await h.database.pool.query('SELECT count(*)::int AS n FROM appointments')).rows[0].n;

// Issue 7, item 4: one such request used to block the event loop for ~9 s (rrule walked to 9999).
describe('recurrence rules that never match', () => {
  it('answers February 30 with a 400 that says why', async () => {
    const response = await book('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=1');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail:
        'February never has a 30th day (BYMONTH=2 with BYMONTHDAY=30), so this rule produces no sessions.',
      errors: [{ path: 'recurrence.rrule' }],
    });
  });

  it('answers three never-matching rules at once with 400s while /api/health keeps answering', async () => {
    const before = await rows();
    const [a, b, c, health] = await Promise.all([
      book('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=1'),
      book('FREQ=DAILY;BYYEARDAY=1;BYMONTH=2;COUNT=1'),
      book('FREQ=WEEKLY;BYSETPOS=20'),
      anonymous(h.app).request({ method: 'GET', url: '/api/health' }),
    ]);
    expect(health?.statusCode).toBe(200);
    for (const response of [a, b, c]) {
      expect(response?.statusCode).toBe(400);
      expect(response?.json().detail).toMatch(/no sessions/);
    }
    expect(b?.json().detail).toMatch(/BYYEARDAY, BYMONTH can all be met/);
    expect(await rows()).toBe(before); // nothing written
  });

  it('still books a sparse rule that does match (two leap days)', async () => {
    const response = await book('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2');
    expect(response.statusCode).toBe(201);
    expect(response.json().appointments.map((x: { localStart: string }) => x.localStart)).toEqual([
      '2028-02-29T10:00',
      '2032-02-29T10:00',
    ]);
  });
});
