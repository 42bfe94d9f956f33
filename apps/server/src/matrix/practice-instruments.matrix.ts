import { importInstrument } from '@throughline/domain';
import { MUSIC_IN_DAILY_LIFE_IMPORT } from '../demo/music-questionnaire';
import { actingAs } from '../operator';
import { type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';

let key = '';

/**
 * A practice's own instruments (issue 12): staff read them; only an administrator previews,
 * imports or retires one; another practice's administrator finds none of them (404).
 */
export const matrix: ModuleMatrix = {
  name: 'practice-instruments',
  setup: async ({ h }) => {
    const { admin } = h.cast;
    const ctx = actingAs(h.services, {
      id: admin.userId,
      practiceId: admin.practiceId,
      role: 'practice_admin',
    });
    key = (await importInstrument(ctx, MUSIC_IN_DAILY_LIFE_IMPORT)).key;
  },
  rows: () => ROWS,
};

const body = () => MUSIC_IN_DAILY_LIFE_IMPORT;
/** Imported under another title, so another practice's import does not create the key read below. */
const otherForm = () => ({
  ...MUSIC_IN_DAILY_LIFE_IMPORT,
  questionnaire: {
    ...(MUSIC_IN_DAILY_LIFE_IMPORT.questionnaire as object),
    title: 'Matrix import',
  },
});

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/instruments/custom',
    expect: statuses(401, 403, 403, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /api/v1/instruments/custom/preview',
    body,
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  {
    route: 'POST /api/v1/instruments/custom',
    body: otherForm,
    expect: statuses(401, 403, 403, 403, 403, 403, 201, 201),
  },
  {
    route: 'GET /api/v1/instruments/custom/:key',
    url: () => `/api/v1/instruments/custom/${key}`,
    expect: statuses(401, 403, 403, 200, 200, 200, 200, 404),
  },
  {
    route: 'POST /api/v1/instruments/custom/:key/retire',
    url: () => `/api/v1/instruments/custom/${key}/retire`,
    last: 'admin',
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 404),
  },
];
