import { listEpisodeAlerts, recordResponse } from '@throughline/domain';
import { actingAs } from '../operator';
import { openEpisodeFor } from '../testing/episodes';
import { type ModuleMatrix, outcomes, statuses } from '../testing/matrix';

let episodeId = '';
let alertId = '';

/** Responses, scores, outcome and alerts (issue 4). */
export const matrix: ModuleMatrix = {
  name: 'measures',
  setup: async ({ h }) => {
    const { therapist, client } = h.cast;
    episodeId = (await openEpisodeFor(h.services, therapist, client)).id;
    const asClient = actingAs(h.services, {
      id: client.userId,
      practiceId: client.practiceId,
      role: 'client',
    });
    await recordResponse(asClient, {
      episodeId,
      instrument: 'phq-9',
      answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
    });
    const asTherapist = actingAs(h.services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    });
    const open = await listEpisodeAlerts(asTherapist, episodeId, 'open');
    alertId = open.find((a) => a.kind === 'risk-item')?.id ?? '';
  },
  // Supervisors and designees (issue 10): scores and outcome are a part a supervision consent may
  // share; a designee sees the alerts while covering (APA 3.12) but only the therapist
  // acknowledges one.
  relations: () => [
    //                                                  sup+c sup-c sup-w  des<  des=  des-x des>
    {
      route: 'GET /api/v1/episodes/:id/scores',
      url: (k) => `/api/v1/episodes/${k.episodeId}/scores`,
      expect: outcomes(200, 404, 404, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/episodes/:id/outcome',
      url: (k) => `/api/v1/episodes/${k.episodeId}/outcome`,
      expect: outcomes(200, 404, 404, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/episodes/:id/alerts',
      url: (k) => `/api/v1/episodes/${k.episodeId}/alerts`,
      expect: outcomes(404, 404, 404, 404, 200, 404, 404),
    },
    {
      route: 'POST /api/v1/alerts/:id/acknowledge',
      url: (k) => `/api/v1/alerts/${k.alertId}/acknowledge`,
      body: () => ({ note: 'Called the client.' }),
      expect: outcomes(404, 404, 404, 404, 404, 404, 404),
    },
  ],
  rows: () => [
    //                                          anon  cl  ocl   th  oth  sup  adm  opa
    {
      route: 'POST /api/v1/episodes/:id/responses',
      url: () => `/api/v1/episodes/${episodeId}/responses`,
      body: () => ({ instrument: 'gad-7', answers: [1, 1, 1, 1, 1, 1, 1] }),
      expect: statuses(401, 201, 404, 201, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/episodes/:id/scores',
      url: () => `/api/v1/episodes/${episodeId}/scores`,
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/episodes/:id/outcome',
      url: () => `/api/v1/episodes/${episodeId}/outcome`,
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/episodes/:id/alerts',
      url: () => `/api/v1/episodes/${episodeId}/alerts?status=all`,
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/episodes/:id/progress/sharing',
      url: () => `/api/v1/episodes/${episodeId}/progress/sharing`,
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
    {
      route: 'POST /api/v1/episodes/:id/progress/share',
      url: () => `/api/v1/episodes/${episodeId}/progress/share`,
      body: () => ({ instruments: ['phq-9'] }),
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/portal/progress',
      url: () => '/api/v1/portal/progress',
      expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
    },
    {
      route: 'POST /api/v1/episodes/:id/progress/unshare',
      url: () => `/api/v1/episodes/${episodeId}/progress/unshare`,
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/alerts',
      url: () => '/api/v1/alerts',
      expect: statuses(401, 403, 403, 200, 200, 403, 403, 403),
    },
    {
      route: 'POST /api/v1/alerts/:id/acknowledge',
      url: () => `/api/v1/alerts/${alertId}/acknowledge`,
      body: () => ({ note: 'Called the client.' }),
      last: 'therapist',
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
  ],
};
