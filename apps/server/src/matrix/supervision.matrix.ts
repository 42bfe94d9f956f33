import {
  addBoundaryEntry,
  arrangeCover,
  assignSupervisor,
  createUserWithPassword,
} from '@throughline/domain';
import { operatorContext } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import { PASSWORD } from '../testing/harness';
import type { ActorKey, MatrixRow, ModuleMatrix, RelationRow } from '../testing/matrix';
import { outcomes, statuses } from '../testing/matrix';
import { as, clientWithEpisode, publishDefaults, sign } from '../testing/supervision';

const ids = {
  therapistEpisode: '',
  supervisedEpisode: '',
  castClientId: '',
  castSignature: '',
  thirdTherapist: '',
  newAssignment: '',
  cover: '',
  supervisor: '',
  therapist: '',
  otherTherapist: '',
};

const DAY = 86_400_000;
const entry = {
  kind: 'gift' as const,
  assessment: 'crossing' as const,
  occurredOn: '2026-03-02',
  description: 'A handmade card at the last session.',
};

/**
 * Consent, supervision, cover and the boundary log (issue 10). Setup keeps the other modules'
 * rows as they are: the cast supervisor is assigned to `otherTherapist`, and only a new client of
 * theirs (not the cast's `otherClient`) signs the supervision consent; cover is arranged a year
 * ahead. The richer pairs — with and without consent, after withdrawal, a designee before, during
 * and after cover — are each module's `relations` rows below the cast rows, on episodes of their
 * own (testing/relations.ts), run on the test clock by the authorization matrix.
 */
export const matrix: ModuleMatrix = {
  name: 'supervision',
  setup: async ({ h, now }) => {
    const { admin, therapist, otherTherapist, supervisor, client } = h.cast;
    Object.assign(ids, {
      supervisor: supervisor.userId,
      therapist: therapist.userId,
      otherTherapist: otherTherapist.userId,
      castClientId: client.clientId ?? '',
    });
    await publishDefaults(h.services, admin);
    ids.therapistEpisode = (await openEpisodeFor(h.services, therapist, client)).id;
    const supervised = await clientWithEpisode(h.services, otherTherapist, 'Supervised Matrix');
    ids.supervisedEpisode = supervised.episodeId;
    await assignSupervisor(as(h.services, admin), {
      supervisorId: supervisor.userId,
      therapistId: otherTherapist.userId,
    });
    await sign(supervised, 'supervision');
    await addBoundaryEntry(as(h.services, otherTherapist), supervised.episodeId, {
      ...entry,
      reflection: '',
      consultation: '',
      codeClause: 'APA 3.05',
      followUp: '',
    });
    const castClient = {
      clientId: client.clientId ?? '',
      episodeId: ids.therapistEpisode,
      userId: client.userId,
      ctx: as(h.services, client),
    };
    ids.castSignature = await sign(castClient, 'check-ins');
    const third = await createUserWithPassword(operatorContext(h.services), {
      practiceId: admin.practiceId,
      email: 'third-therapist@test.example',
      displayName: 'Third Therapist',
      role: 'therapist',
      password: PASSWORD,
    });
    ids.thirdTherapist = third.id;
    const start = now().getTime() + 365 * DAY;
    ids.cover = (
      await arrangeCover(as(h.services, therapist), {
        designeeId: otherTherapist.userId,
        startsAt: new Date(start),
        endsAt: new Date(start + 7 * DAY),
        episodeIds: [ids.therapistEpisode],
      })
    ).id;
  },
  rows: () => ROWS,
  relations: () => RELATIONS,
};

const coverBody = (who: ActorKey) => {
  const start = Date.now() + 400 * DAY;
  return {
    designeeId: who === 'otherTherapist' ? ids.therapist : ids.otherTherapist,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3 * DAY).toISOString(),
    // Everyone names the therapist's episode: only the therapist may.
    episodeIds: [ids.therapistEpisode],
  };
};

const ROWS: MatrixRow[] = [
  //                                                 anon  cl  ocl   th  oth  sup  adm  opa
  {
    route: 'GET /api/v1/consent-documents',
    expect: statuses(401, 403, 403, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /api/v1/consent-documents',
    body: () => ({ kind: 'treatment', title: 'Agreeing to therapy', body: 'Version two.' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 201, 201),
  },
  {
    route: 'GET /api/v1/portal/consents',
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/portal/consents',
    note: 'telehealth v1 (never republished); staff cannot sign for a client',
    body: () => ({ kind: 'telehealth', version: 1, signedName: 'Signed Name' }),
    expect: statuses(401, 201, 201, 403, 403, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/portal/consents/:id/withdraw',
    url: () => `/api/v1/portal/consents/${ids.castSignature}/withdraw`,
    last: 'client',
    expect: statuses(401, 200, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/clients/:id/consents',
    url: () => `/api/v1/clients/${ids.castClientId}/consents`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/supervision/assignments',
    expect: statuses(401, 403, 403, 403, 403, 403, 200, 200),
  },
  {
    route: 'POST /api/v1/supervision/assignments',
    note: 'another practice names users it does not have: 400',
    body: () => ({ supervisorId: ids.supervisor, therapistId: ids.thirdTherapist }),
    expect: statuses(401, 403, 403, 403, 403, 403, 201, 400),
    after: (who, response) => {
      if (who === 'admin') ids.newAssignment = response.json().id;
    },
  },
  {
    route: 'DELETE /api/v1/supervision/assignments/:id',
    url: () => `/api/v1/supervision/assignments/${ids.newAssignment}`,
    last: 'admin',
    expect: statuses(401, 404, 404, 404, 404, 404, 204, 404),
  },
  {
    route: 'GET /api/v1/supervision/episodes',
    expect: statuses(401, 403, 403, 403, 403, 200, 403, 403),
  },
  {
    route: 'GET /api/v1/cover',
    expect: statuses(401, 403, 403, 200, 200, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/cover',
    note: "only the episode's own therapist may arrange cover for it (another: 400)",
    body: coverBody,
    expect: statuses(401, 403, 403, 201, 400, 403, 403, 403),
  },
  {
    route: 'POST /api/v1/cover/:id/cancel',
    url: () => `/api/v1/cover/${ids.cover}/cancel`,
    last: 'therapist',
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/portal/cover',
    expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
  },
  {
    route: 'GET /api/v1/episodes/:id/boundary-log',
    note: 'a supervised episode whose consent shares the log: its therapist and the supervisor',
    url: () => `/api/v1/episodes/${ids.supervisedEpisode}/boundary-log`,
    expect: statuses(401, 404, 404, 404, 200, 200, 404, 404),
  },
  {
    route: 'GET /api/v1/episodes/:id/boundary-log',
    note: 'an episode without supervision consent: its therapist only',
    url: () => `/api/v1/episodes/${ids.therapistEpisode}/boundary-log`,
    expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/boundary-log',
    note: 'therapist only; a supervisor with consent may not write',
    url: () => `/api/v1/episodes/${ids.supervisedEpisode}/boundary-log`,
    body: () => entry,
    expect: statuses(401, 404, 404, 404, 201, 404, 404, 404),
  },
];

const listsEpisode = (json: unknown, k: { episodeId: string }) =>
  (json as { items: { episodeId: string }[] }).items.some((i) => i.episodeId === k.episodeId);

/**
 * Supervisors and designees (issue 10): the boundary log is shared only by a live consent that
 * names it, and never written by anyone but the therapist; the supervisor's list of episodes
 * shows an episode only while its consent is live.
 */
const RELATIONS: RelationRow[] = [
  //                                                    sup+c sup-c sup-w  des<  des=  des-x des>
  {
    route: 'GET /api/v1/episodes/:id/boundary-log',
    url: (k) => `/api/v1/episodes/${k.episodeId}/boundary-log`,
    expect: outcomes(200, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /api/v1/episodes/:id/boundary-log',
    url: (k) => `/api/v1/episodes/${k.episodeId}/boundary-log`,
    body: () => entry,
    expect: outcomes(404, 404, 404, 404, 404, 404, 404),
  },
  {
    route: 'GET /api/v1/supervision/episodes',
    url: () => '/api/v1/supervision/episodes',
    lists: listsEpisode,
    expect: outcomes('listed', 'unlisted', 'unlisted', 403, 403, 403, 403),
  },
];
