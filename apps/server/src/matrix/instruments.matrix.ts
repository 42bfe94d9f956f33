import { type ModuleMatrix, statuses } from '../testing/matrix';

/** Measurement (issue 4): stateless scoring, open to any signed-in clinician. */
export const matrix: ModuleMatrix = {
  name: 'instruments',
  rows: () => [
    //                                          anon  cl  ocl   th  oth  sup  adm  opa
    {
      route: 'POST /api/v1/instruments/:key/score',
      url: () => '/api/v1/instruments/phq-9/score',
      body: () => ({ answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] }),
      expect: statuses(401, 403, 403, 200, 200, 200, 403, 403),
    },
  ],
};
