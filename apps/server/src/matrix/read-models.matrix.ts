import { randomUUID } from 'node:crypto';
import { type MatrixContext, type ModuleMatrix, outcomes, statuses } from '../testing/matrix';
import { fixtures } from '../testing/read-model-fixtures';

let ctx: MatrixContext;
let episodeId = '';
let othersAppointmentId = '';

/**
 * The read models: pre-session brief, relationship timeline, caseload. Fixtures are inserted as
 * rows (closed episodes, so they never collide with another module's open one).
 */
export const matrix: ModuleMatrix = {
  name: 'read-models',
  setup: async (context) => {
    ctx = context;
    const { h } = context;
    const mine = fixtures(h.services, h.cast.therapist);
    episodeId = await mine.episode(h.cast.client, { phase: 'closed', title: 'Matrix brief' });
    await mine.appointment(episodeId, new Date(Date.now() - 86_400_000));
    const theirs = fixtures(h.services, h.cast.otherTherapist);
    const othersEpisode = await theirs.episode(h.cast.otherClient, { phase: 'closed' });
    othersAppointmentId = await theirs.appointment(
      othersEpisode,
      new Date(Date.now() - 86_400_000),
    );
  },
  // Supervisors and designees (issue 10): the brief for a consented supervisor and a designee
  // covering; the timeline for a consented supervisor; a designee's caseload lists an episode
  // they cover while the cover is in effect, and a supervisor has no caseload.
  relations: () => [
    //                                                  sup+c sup-c sup-w  des<  des=  des-x des>
    {
      route: 'GET /api/v1/episodes/:id/brief',
      url: (k) => `/api/v1/episodes/${k.episodeId}/brief`,
      expect: outcomes(200, 404, 404, 404, 200, 404, 404),
    },
    {
      route: 'GET /api/v1/clients/:id/timeline',
      url: (k) => `/api/v1/clients/${k.clientId}/timeline`,
      expect: outcomes(200, 404, 404, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/caseload',
      url: () => '/api/v1/caseload',
      lists: (json, k) =>
        (json as { items: { episodeId: string }[] }).items.some((i) => i.episodeId === k.episodeId),
      expect: outcomes(403, 403, 403, 'unlisted', 'listed', 'unlisted', 'unlisted'),
    },
  ],
  rows: () => [
    //                                                   anon  cl  ocl   th  oth  sup  adm  opa
    {
      route: 'GET /api/v1/episodes/:id/brief',
      note: "the therapist's episode",
      url: () => `/api/v1/episodes/${episodeId}/brief`,
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/episodes/:id/brief',
      note: 'a session of another episode',
      url: () => `/api/v1/episodes/${episodeId}/brief?appointment=${othersAppointmentId}`,
      expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/episodes/:id/brief',
      note: 'an episode that does not exist',
      url: () => `/api/v1/episodes/${randomUUID()}/brief`,
      expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/clients/:id/timeline',
      note: "the therapist's client",
      url: () => `/api/v1/clients/${ctx.h.cast.client.clientId}/timeline`,
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/clients/:id/timeline',
      note: 'a client that does not exist',
      url: () => `/api/v1/clients/${randomUUID()}/timeline`,
      expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/caseload',
      expect: statuses(401, 403, 403, 200, 200, 403, 403, 403),
    },
  ],
};
