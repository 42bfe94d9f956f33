import { openEpisodeFor } from '../testing/episodes';
import { type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';

let episodeId = '';

/** The readiness review and the continuity kit (issue 11). */
export const matrix: ModuleMatrix = {
  name: 'readiness',
  setup: async ({ h }) => {
    episodeId = (await openEpisodeFor(h.services, h.cast.therapist, h.cast.client)).id;
  },
  rows: () => ROWS,
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/episodes/:id/readiness',
    url: () => `/api/v1/episodes/${episodeId}/readiness`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/readiness/views',
    url: () => `/api/v1/episodes/${episodeId}/readiness/views`,
    body: () => ({ level: 3, words: 'Matrix view' }),
    expect: statuses(401, 201, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/portal/continuity-kit',
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
];
