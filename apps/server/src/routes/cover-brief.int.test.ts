import { createNote, recordResponse } from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { type Caller, createHarness, type Harness } from '../testing/harness';
import { signInOnClock, testClock } from '../testing/sign-in';
import { as, clientWithEpisode, type TestClient } from '../testing/supervision';

/**
 * Cover in effect on the brief and the caseload (issue 10), on a controlled clock: before the
 * cover starts neither shows it; during it the therapist's brief and caseload name the designee
 * and the end, the designee's brief says whom they cover for, and the designee's caseload lists
 * the covered episode, marked; from the end time it is gone from both, with no job run.
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
type Item = { episodeId: string; cover: unknown; attention: { kind: string }[] };
const caseloadItem = async (who: Caller, episodeId: string): Promise<Item | undefined> => {
  const caseload = await json(who, '/api/v1/caseload');
  return caseload.items.find((i: Item) => i.episodeId === episodeId);
};
const caseloadCover = async (episodeId: string) =>
  (await caseloadItem(callers.therapist, episodeId))?.cover;

beforeAll(async () => {
  h = await createHarness();
  h.services.now = clock.now;
  const app = await buildApp({ services: h.services, authRateLimit: 10_000 });
  sam = await clientWithEpisode(h.services, h.cast.therapist, 'Sam Covered');
  other = await clientWithEpisode(h.services, h.cast.therapist, 'Ruth Not Covered');
  // A draft note left unsigned for two days, and an urgent alert (PHQ-9 item 9): attention items
  // for the therapist; only the alert is one a designee may open.
  const t = as(h.services, h.cast.therapist);
  await createNote(t, { episodeId: sam.episodeId, template: 'soap', body: {} });
  await recordResponse(t, {
    episodeId: sam.episodeId,
    instrument: 'phq-9',
    answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
  });
  clock.advance(2 * 86_400_000);
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
  it("before the cover starts, neither shows it, and the designee's caseload does not list it", async () => {
    expect((await briefOf(callers.therapist)).cover).toBeNull();
    expect(await caseloadCover(sam.episodeId)).toBeNull();
    expect(await caseloadItem(callers.designee, sam.episodeId)).toBeUndefined();
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
      therapistName: 'therapist',
      designeeName: 'otherTherapist',
      endsAt,
      timeZone: 'Europe/London',
      viewer: 'therapist',
    });
    // An episode the cover does not name shows none.
    expect(await caseloadCover(other.episodeId)).toBeNull();
  });

  it("during the cover, the designee's caseload lists the covered episode, marked, with only what a designee may open", async () => {
    const item = await caseloadItem(callers.designee, sam.episodeId);
    expect(item?.cover).toEqual({
      therapistName: 'therapist',
      designeeName: 'otherTherapist',
      endsAt: new Date(coverStart + 10 * MINUTE).toISOString(),
      timeZone: 'Europe/London',
      viewer: 'designee',
    });
    // The therapist's unsigned note counts for them; a designee may not read notes (POLICY).
    expect((await caseloadItem(callers.therapist, sam.episodeId))?.attention).toContainEqual({
      kind: 'unsigned-notes',
      count: 1,
    });
    expect(item?.attention).toEqual([{ kind: 'urgent-alerts', count: 1 }]);
    // Only what the cover names: the therapist's other episode is not listed.
    expect(await caseloadItem(callers.designee, other.episodeId)).toBeUndefined();
  });

  it('from the end time it is gone, with no job run', async () => {
    clock.set(coverStart + 10 * MINUTE);
    expect((await briefOf(callers.therapist)).cover).toBeNull();
    expect(await caseloadCover(sam.episodeId)).toBeNull();
    expect(await caseloadItem(callers.designee, sam.episodeId)).toBeUndefined();
  });
});
