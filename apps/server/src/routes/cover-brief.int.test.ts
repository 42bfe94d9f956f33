import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { type Caller, createHarness, type Harness } from '../testing/harness';
import { signInOnClock, testClock } from '../testing/sign-in';
import { clientWithEpisode, type TestClient } from '../testing/supervision';

/**
 * Cover in effect on the brief and the caseload (issue 10), on a controlled clock: before the
 * cover starts neither shows it; during it the therapist's brief and caseload name the designee
 * and the end, and the designee's brief says whom they cover for; from the end time it is gone.
 */
let h: Harness;
const clock = testClock();
let sam: TestClient;
let other: TestClient;
const callers = {} as Record<'therapist' | 'designee', Caller>;
const MINUTE = 60_000;
let coverStart = 0;

const json = async (who: Caller, url: string) => {
  const response = await who.request({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const briefOf = (who: Caller) => json(who, `/api/v1/episodes/${sam.episodeId}/brief`);
const caseloadCover = async (episodeId: string) => {
  const caseload = await json(callers.therapist, '/api/v1/caseload');
  return caseload.items.find((i: { episodeId: string }) => i.episodeId === episodeId)?.cover;
};

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
  const app = await buildApp({ services: h.services, authRateLimit: 10_000 });
  sam = await clientWithEpisode(h.services, h.cast.therapist, 'Sam Covered');
  other = await clientWithEpisode(h.services, h.cast.therapist, 'Ruth Not Covered');
  callers.therapist = await signInOnClock(app, clock, h.cast.therapist);
  callers.designee = await signInOnClock(app, clock, h.cast.otherTherapist);
  coverStart = clock.ms() + 10 * MINUTE;
  const created = await callers.therapist.request({
    method: 'POST',
    url: '/api/v1/cover',
    payload: {
      designeeId: h.cast.otherTherapist.userId,
      startsAt: new Date(coverStart).toISOString(),
      endsAt: new Date(coverStart + 10 * MINUTE).toISOString(),
      episodeIds: [sam.episodeId],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  return async () => {
    await app.close();
  };
});
afterAll(async () => {
  await h?.close();
});

describe('cover in effect on the brief and the caseload', () => {
  it('before the cover starts, neither shows it', async () => {
    expect((await briefOf(callers.therapist)).cover).toBeNull();
    expect(await caseloadCover(sam.episodeId)).toBeNull();
  });

  it('during the cover, the therapist sees who covers until when; the designee whom they cover for', async () => {
    clock.set(coverStart + MINUTE);
    const endsAt = new Date(coverStart + 10 * MINUTE).toISOString();
    expect((await briefOf(callers.therapist)).cover).toEqual({
      therapistName: 'therapist',
      designeeName: 'otherTherapist',
      endsAt,
      timeZone: 'Europe/London',
      viewer: 'therapist',
    });
    expect((await briefOf(callers.designee)).cover).toMatchObject({
      therapistName: 'therapist',
      endsAt,
      viewer: 'designee',
    });
    expect(await caseloadCover(sam.episodeId)).toEqual({
      designeeName: 'otherTherapist',
      endsAt,
      timeZone: 'Europe/London',
    });
    // An episode the cover does not name shows none.
    expect(await caseloadCover(other.episodeId)).toBeNull();
  });

  it('from the end time it is gone, with no job run', async () => {
    clock.set(coverStart + 10 * MINUTE);
    expect((await briefOf(callers.therapist)).cover).toBeNull();
    expect(await caseloadCover(sam.episodeId)).toBeNull();
  });
});
