import { readEndingSummary, shareEndingSummary } from '@throughline/domain';
import { actingAs } from '../operator';
import { endedEpisode } from '../testing/ending';
import type { Harness } from '../testing/harness';
import { type MatrixRow, type ModuleMatrix, statuses } from '../testing/matrix';

let h: Harness;
const ids = { shared: '', unshared: '' };

const therapistCtx = () =>
  actingAs(h.services, {
    id: h.cast.therapist.userId,
    practiceId: h.cast.therapist.practiceId,
    role: 'therapist',
  });

const currentVersion = async (): Promise<number> =>
  (await readEndingSummary(therapistCtx(), ids.shared)).version;

const words = {
  greeting: 'Dear Casey,',
  progress: 'We met for a while.',
  whatHelped: ['Singing in the car'],
  relapsePrevention: {
    warningSigns: ['Sleeping badly'],
    triggers: [],
    whatHelps: ['Guitar'],
    whoToContact: [],
    crisisPlan: '',
  },
  howToReturn: 'Message the practice.',
  closing: 'Take care.',
};

/**
 * The ending summary (issue 11): two closed episodes of the cast therapist with the cast client
 * (beside their open one), one with a shared summary, one without. The therapist reads, edits and
 * shares; the client reads only what was shared; everyone else gets 404.
 */
export const matrix: ModuleMatrix = {
  name: 'ending-summary',
  setup: async (ctx) => {
    h = ctx.h;
    const { therapist, client } = h.cast;
    const openedAt = new Date(ctx.now().getTime() - 200 * 86_400_000);
    ids.shared = await endedEpisode(h.services, therapist, client, { phase: 'closed', openedAt });
    ids.unshared = await endedEpisode(h.services, therapist, client, { phase: 'closed', openedAt });
    await shareEndingSummary(therapistCtx(), ids.shared, { version: 0 });
  },
  rows: () => ROWS,
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/episodes/:id/ending-summary',
    note: 'shared with the client',
    url: () => `/api/v1/episodes/${ids.shared}/ending-summary`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/ending-summary',
    note: 'not shared yet: the client gets 404',
    url: () => `/api/v1/episodes/${ids.unshared}/ending-summary`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/ending-summary.pdf',
    note: 'shared with the client',
    url: () => `/api/v1/episodes/${ids.shared}/ending-summary.pdf`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/ending-summary.pdf',
    note: 'not shared yet: the client gets 404',
    url: () => `/api/v1/episodes/${ids.unshared}/ending-summary.pdf`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'PUT /api/v1/episodes/:id/ending-summary',
    url: () => `/api/v1/episodes/${ids.shared}/ending-summary`,
    body: async () => ({ ...words, expectedVersion: await currentVersion() }),
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/ending-summary/share',
    url: () => `/api/v1/episodes/${ids.shared}/ending-summary/share`,
    body: async () => ({ version: await currentVersion() }),
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
];
