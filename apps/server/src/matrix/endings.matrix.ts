import { createEpisode, recordEnding } from '@throughline/domain';
import { actingAs } from '../operator';
import { ENDINGS, insertEndedEpisode, parsed } from '../testing/endings';
import { freshClient } from '../testing/episodes';
import {
  type MatrixRow,
  type ModuleMatrix,
  outcomes,
  type RelationRow,
  statuses,
} from '../testing/matrix';

const ids = { toEnd: '', ended: '', withLetter: '', closed: '' };

/**
 * How an episode ends and how long its record is kept (issue 11). Setup records endings through
 * the use-case; the letter's episode is inserted closed, so the open
 * episodes other modules share stay as they are. Every kind and its refusals are in
 * routes/endings.int.test.ts; destruction after the date in routes/retention.int.test.ts.
 */
export const matrix: ModuleMatrix = {
  name: 'endings',
  setup: async ({ h }) => {
    const { therapist, otherTherapist, otherClient } = h.cast;
    const as = (p: typeof therapist) =>
      actingAs(h.services, { id: p.userId, practiceId: p.practiceId, role: 'therapist' });
    const open = async (label: string) =>
      (
        await createEpisode(as(therapist), {
          clientId: await freshClient(h.services, therapist, label),
          title: 'Music therapy',
          reason: 'Referral.',
        })
      ).id;
    ids.toEnd = await open('Matrix ending');
    ids.ended = await open('Matrix ended');
    await recordEnding(as(therapist), ids.ended, parsed(ENDINGS.transfer));
    ids.closed = await open('Matrix kept');
    await recordEnding(as(therapist), ids.closed, parsed(ENDINGS.notStarted));
    // The cast client's own episode with the other therapist, ended by withdrawal (a letter).
    // Inserted closed, so the open episodes other modules share are untouched.
    ids.withLetter = await insertEndedEpisode(
      h,
      otherTherapist,
      otherClient.clientId ?? '',
      ENDINGS.withdrawal,
    );
  },
  rows: () => ROWS,
  relations: () => RELATIONS,
};

const ROWS: MatrixRow[] = [
  //                                          anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'POST /api/v1/episodes/:id/ending',
    note: "the therapist's intake episode, not started",
    url: () => `/api/v1/episodes/${ids.toEnd}/ending`,
    body: () => ENDINGS.notStarted,
    last: 'therapist',
    expect: statuses(401, 404, 404, 201, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/ending',
    note: 'a transferred episode',
    url: () => `/api/v1/episodes/${ids.ended}/ending`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/closure-letter',
    note: "the other client's letter from the other therapist",
    url: () => `/api/v1/episodes/${ids.withLetter}/closure-letter`,
    expect: statuses(401, 404, 200, 404, 200, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/retention/settings',
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  {
    route: 'PATCH /api/v1/retention/settings',
    body: () => ({ yearsAfterLastService: 7 }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  {
    route: 'GET /api/v1/retention/due',
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  {
    route: 'POST /api/v1/episodes/:id/destroy',
    note: 'a closed episode before its retention date',
    url: () => `/api/v1/episodes/${ids.closed}/destroy`,
    body: () => ({ confirm: 'Matrix kept' }),
    expect: statuses(401, 404, 404, 404, 404, 404, 409, 404),
  },
];

/**
 * Supervisors and designees (issue 10's relation states). No ending is recorded in the states'
 * episodes, so a designee during cover who may read it meets "none recorded" (404), and one who
 * asks to record an ending other than the therapist's death or incapacity is told it is not
 * theirs to record (409); outside cover and for every supervisor the episode stays hidden.
 */
const RELATIONS: RelationRow[] = [
  //                                                    sup+c sup-c sup-w  des<  des=  des-x des>
  {
    route: 'GET /api/v1/episodes/:id/ending',
    url: (k) => `/api/v1/episodes/${k.episodeId}/ending`,
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/ending',
    note: 'a transfer: only the therapist may record it',
    url: (k) => `/api/v1/episodes/${k.episodeId}/ending`,
    body: () => ENDINGS.transfer,
    expect: outcomes(404, 404, 404, 404, 409, 404, 404),
  },
];
