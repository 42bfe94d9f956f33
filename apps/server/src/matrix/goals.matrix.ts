import { createDiscussionItem, createGoal, reviewGoals, sharePlan } from '@throughline/domain';
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import {
  type MatrixRow,
  type ModuleMatrix,
  outcomes,
  type RelationRow,
  statuses,
} from '../testing/matrix';

let episodeId = '';
let goalId = '';
let planId = '';
let reviewId = '';
const itemIds: string[] = [];

const gasLevels = { '-2': 'a', '-1': 'b', '0': 'c', '+1': 'd', '+2': 'e' };
const goal = {
  clientWords: 'Sleep better',
  therapistWords: 'Sleep onset under 30 minutes',
  objectives: ['Wind-down playlist'],
  gasLevels,
};

/** Goals and the treatment plan, reviews, client ratings, discussion items, reflections. */
export const matrix: ModuleMatrix = {
  name: 'goals',
  setup: async ({ h }) => {
    const { therapist, client } = h.cast;
    episodeId = (await openEpisodeFor(h.services, therapist, client)).id;
    const ctx = actingAs(h.services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    });
    goalId = (await createGoal(ctx, episodeId, goal)).id;
    planId = (await sharePlan(ctx, episodeId)).id;
    reviewId = (await reviewGoals(ctx, episodeId, { ratings: [{ goalId, level: 0 }] })).id;
    itemIds.push((await createDiscussionItem(ctx, episodeId, { text: 'Matrix item' })).id);
  },
  rows: () => ROWS,
  relations: () => RELATIONS,
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/episodes/:id/goals',
    url: () => `/api/v1/episodes/${episodeId}/goals`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/portal/plan',
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/portal/plan/acknowledge',
    body: () => ({ planId }),
    expect: statuses(401, 200, 404, 403, 403, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/goals/:id/client-ratings',
    url: () => `/api/v1/goals/${goalId}/client-ratings`,
    body: () => ({ level: 1, comment: 'Matrix comment' }),
    expect: statuses(401, 201, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/goals',
    url: () => `/api/v1/episodes/${episodeId}/goals`,
    body: () => goal,
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'PATCH /api/v1/goals/:id',
    url: () => `/api/v1/goals/${goalId}`,
    body: () => ({ weight: 2 }),
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/goal-reviews',
    url: () => `/api/v1/episodes/${episodeId}/goal-reviews`,
    body: () => ({ ratings: [{ goalId, level: 1 }] }),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/goal-reviews',
    url: () => `/api/v1/episodes/${episodeId}/goal-reviews`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/plan/share',
    url: () => `/api/v1/episodes/${episodeId}/plan/share`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/discussion-items',
    url: () => `/api/v1/episodes/${episodeId}/discussion-items`,
    body: () => ({ text: 'Discuss the review', source: { kind: 'review', id: reviewId } }),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/discussion-items/:id/resolve',
    url: () => `/api/v1/discussion-items/${itemIds[0]}/resolve`,
    last: 'therapist',
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/reflections',
    url: () => `/api/v1/episodes/${episodeId}/reflections`,
    body: () => ({ body: 'Matrix reflection.', about: { kind: 'review', id: reviewId } }),
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
];

/** Supervisors and designees (issue 10): goals are a part a supervision consent may share. */
const RELATIONS: RelationRow[] = [
  //                                                    sup+c sup-c sup-w  des<  des=  des-x des>
  {
    route: 'GET /api/v1/episodes/:id/goals',
    url: (k) => `/api/v1/episodes/${k.episodeId}/goals`,
    expect: outcomes(200, 404, 404, 404, 404, 404, 404),
  },
];
