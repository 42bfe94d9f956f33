import { proposeEndingPlan } from '@throughline/domain';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import type { Harness } from '../testing/harness';
import { type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';

let episodeId = '';
let h: Harness;
let now: () => Date = () => new Date();

/** A plan with its last session eight weeks after the test clock's today. */
const plan = () => {
  const day = (weeks: number) =>
    DateTime.fromJSDate(now(), { zone: 'utc' }).plus({ weeks }).toISODate() ?? '';
  return {
    lastSessionOn: day(8),
    taper: [{ from: day(2), cadence: 'fortnightly' as const }],
    checkIns: [{ afterMonths: 1 }, { afterMonths: 3 }],
  };
};

/**
 * The ending plan agreed by both (issue 11): the episode's two parties only. The episode is the
 * cast's shared one, still in intake, so an agreed plan moves no phase and books nothing here.
 */
export const matrix: ModuleMatrix = {
  name: 'ending-plan',
  setup: async (ctx) => {
    h = ctx.h;
    now = ctx.now;
    const { therapist, client } = h.cast;
    episodeId = (await openEpisodeFor(h.services, therapist, client)).id;
    await proposeEndingPlan(
      actingAs(h.services, {
        id: therapist.userId,
        practiceId: therapist.practiceId,
        role: 'therapist',
      }),
      episodeId,
      plan(),
    );
  },
  rows: () => ROWS,
};

let version = 0;

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/episodes/:id/ending-plan',
    url: () => `/api/v1/episodes/${episodeId}/ending-plan`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/ending-plan',
    url: () => `/api/v1/episodes/${episodeId}/ending-plan`,
    body: () => plan(),
    expect: statuses(401, 201, 404, 201, 404, 404, 404, 404),
    after: (_who, response) => {
      if (response.statusCode === 201) version = response.json().version;
    },
  },
  {
    route: 'POST /api/v1/episodes/:id/ending-plan/accept',
    url: () => `/api/v1/episodes/${episodeId}/ending-plan/accept`,
    body: () => ({ version }),
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
];
