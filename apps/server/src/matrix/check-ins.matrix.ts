import { randomUUID } from 'node:crypto';
import { aftercareQueue, checkIns, episodes } from '@throughline/domain/schema';
import { sealedTitle } from '../testing/episodes';
import type { Harness } from '../testing/harness';
import { type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';

let h: Harness;
const ids = { episode: '', invited: '', queueItem: '' };

/**
 * Check-ins after the ending and the aftercare queue (issue 11). The matrix's shared episode must
 * stay open for the other modules, so the rows use a finished episode of the cast's other pair:
 * its check-ins are readable by both parties, answering and booking a booster are refused by
 * the phase (409, aftercare only), withdrawing consent works in any phase. The success paths in
 * aftercare are tested in routes/check-ins.int.test.ts.
 */
export const matrix: ModuleMatrix = {
  name: 'check-ins',
  setup: async (ctx) => {
    h = ctx.h;
    // The other pair of the cast: the supervision rows withdraw the first client's check-in consent.
    const { otherTherapist: therapist, otherClient: client } = h.cast;
    const practiceId = therapist.practiceId;
    ids.episode = randomUUID();
    const now = ctx.now();
    await h.services.db.insert(episodes).values({
      practiceId,
      id: ids.episode,
      clientId: client.clientId ?? '',
      therapistId: therapist.userId,
      phase: 'closed',
      title: await sealedTitle(h.services, practiceId, ids.episode, 'Earlier episode'),
      openedAt: new Date(now.getTime() - 200 * 86_400_000),
      closedAt: now,
    });
    const base = {
      practiceId,
      episodeId: ids.episode,
      clientId: client.clientId ?? '',
      dueAt: now,
      endedAt: new Date(now.getTime() - 31 * 86_400_000),
      instruments: ['phq-4', 'who-5'],
    };
    const answered = randomUUID();
    ids.invited = randomUUID();
    await h.services.db.insert(checkIns).values([
      { ...base, id: answered, afterMonths: 1, dueOn: '2026-01-15', status: 'answered' },
      { ...base, id: ids.invited, afterMonths: 3, dueOn: '2026-03-15', status: 'invited' },
    ]);
    ids.queueItem = randomUUID();
    await h.services.db.insert(aftercareQueue).values({
      practiceId,
      id: ids.queueItem,
      episodeId: ids.episode,
      checkInId: answered,
      reasons: [{ kind: 'reconnect' }],
      createdAt: now,
    });
  },
  rows: () => ROWS,
};

const answer = {
  forms: [
    { instrument: 'phq-4', answers: [1, 1, 1, 1] },
    { instrument: 'who-5', answers: [3, 3, 3, 3, 3] },
  ],
  howAreThings: 'Steady.',
  wantsToTalk: false,
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/episodes/:id/check-ins',
    url: () => `/api/v1/episodes/${ids.episode}/check-ins`,
    expect: statuses(401, 404, 200, 404, 200, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/portal/check-ins',
    url: () => '/api/v1/portal/check-ins',
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/portal/check-ins/:id/answer',
    url: () => `/api/v1/portal/check-ins/${ids.invited}/answer`,
    body: () => answer,
    expect: statuses(401, 404, 409, 404, 404, 404, 404, 404),
  },
  {
    // Closed episode: its own client is told why (409), everyone else gets 404.
    route: 'PUT /api/v1/portal/check-ins/:id/draft',
    url: () => `/api/v1/portal/check-ins/${ids.invited}/draft`,
    body: () => ({ ...answer, wantsToTalk: null }),
    expect: statuses(401, 404, 409, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/portal/check-ins/withdraw',
    url: () => '/api/v1/portal/check-ins/withdraw',
    body: () => ({ episodeId: ids.episode }),
    expect: statuses(401, 404, 200, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/aftercare',
    url: () => '/api/v1/aftercare',
    expect: statuses(401, 403, 403, 200, 200, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/aftercare/:id/handled',
    url: () => `/api/v1/aftercare/${ids.queueItem}/handled`,
    body: () => ({}),
    expect: statuses(401, 404, 404, 404, 200, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/booster',
    url: () => `/api/v1/episodes/${ids.episode}/booster`,
    body: () => ({ startsAt: '2030-01-07T10:00:00Z' }),
    expect: statuses(401, 404, 404, 404, 409, 404, 404, 404),
  },
];
