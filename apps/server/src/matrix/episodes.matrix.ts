import { randomUUID } from 'node:crypto';
import { createEpisode } from '@throughline/domain';
import { actingAs } from '../operator';
import { freshClient, openEpisodeFor } from '../testing/episodes';
import {
  type MatrixRow,
  type ModuleMatrix,
  outcomes,
  type RelationRow,
  statuses,
} from '../testing/matrix';

/** The open episode between the cast's therapist and client (shared with other modules). */
let episodeId = '';
/** A client of the therapist without an episode, for POST /episodes. */
let newClientId = '';
/** A client of the therapist whose details the PATCH row changes. */
let editableClientId = '';
/** An intake episode of its own that the phase row moves to active. */
let movableEpisodeId = '';

/** Clients (details, preferences) and episodes of care. */
export const matrix: ModuleMatrix = {
  name: 'episodes',
  setup: async ({ h }) => {
    const { therapist, client } = h.cast;
    episodeId = (await openEpisodeFor(h.services, therapist, client)).id;
    newClientId = await freshClient(h.services, therapist, 'Matrix newcomer');
    editableClientId = await freshClient(h.services, therapist, 'Matrix editable');
    const movableClient = await freshClient(h.services, therapist, 'Matrix movable');
    const asTherapist = actingAs(h.services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    });
    movableEpisodeId = (
      await createEpisode(asTherapist, {
        clientId: movableClient,
        title: 'Matrix episode',
        reason: 'Referral.',
      })
    ).id;
  },
  rows: () => ROWS,
  relations: () => RELATIONS,
};

const ROWS: MatrixRow[] = [
  //                                          anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'PATCH /api/v1/clients/:id',
    note: "the therapist's client",
    url: () => `/api/v1/clients/${editableClientId}`,
    body: () => ({ pronouns: 'she/her' }),
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'PATCH /api/v1/clients/:id',
    note: 'a client that does not exist',
    url: () => `/api/v1/clients/${randomUUID()}`,
    body: () => ({ pronouns: 'she/her' }),
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'PATCH /api/v1/portal/preferences',
    // The default, so the cast's clients keep their preferences.
    body: () => ({ safeContact: { remindersEnabled: true } }),
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
  { route: 'GET /api/v1/episodes', expect: statuses(401, 200, 200, 200, 200, 200, 403, 403) },
  {
    route: 'POST /api/v1/episodes',
    note: 'for a client of the therapist',
    body: () => ({ clientId: newClientId, title: 'Music therapy', reason: 'Referral from GP.' }),
    last: 'therapist',
    expect: statuses(401, 403, 403, 201, 404, 403, 403, 403),
  },
  {
    route: 'GET /api/v1/episodes/:id',
    note: "the therapist's episode with the client",
    url: () => `/api/v1/episodes/${episodeId}`,
    expect: statuses(401, 200, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id',
    note: 'an episode that does not exist',
    url: () => `/api/v1/episodes/${randomUUID()}`,
    expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/phase',
    note: "the therapist's episode, intake to active",
    url: () => `/api/v1/episodes/${movableEpisodeId}/phase`,
    body: () => ({ to: 'active', reason: 'Assessment complete; weekly sessions agreed.' }),
    last: 'therapist',
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
];

/**
 * Supervisors and designees (issue 10): the episode's head for a consented supervisor and for a
 * designee while covering; the episodes list is the caller's own (a covered episode is not in a
 * designee's list: their caseload shows it); a phase change is the therapist's.
 */
const RELATIONS: RelationRow[] = [
  //                                                    sup+c sup-c sup-w  des<  des=  des-x des>
  {
    route: 'GET /api/v1/episodes/:id',
    url: (k) => `/api/v1/episodes/${k.episodeId}`,
    expect: outcomes(200, 404, 404, 404, 200, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes',
    url: () => '/api/v1/episodes?limit=200',
    lists: (json, k) =>
      (json as { items: { id: string }[] }).items.some((e) => e.id === k.episodeId),
    expect: outcomes(
      'listed',
      'unlisted',
      'unlisted',
      'unlisted',
      'unlisted',
      'unlisted',
      'unlisted',
    ),
  },
  {
    route: 'POST /api/v1/episodes/:id/phase',
    url: (k) => `/api/v1/episodes/${k.episodeId}/phase`,
    body: () => ({ to: 'active', reason: 'Assessment done.' }),
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
];
