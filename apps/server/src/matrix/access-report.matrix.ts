import { randomUUID } from 'node:crypto';
import { type MatrixContext, type ModuleMatrix, outcomes, statuses } from '../testing/matrix';

let ctx: MatrixContext;

/**
 * The access report (HIPAA 164.528): the client's own in the portal; a client's for their
 * therapist and the practice's administrator; everyone else 404 (or 403 for a role that has no
 * portal). Only reads: nothing to set up.
 */
export const matrix: ModuleMatrix = {
  name: 'access-report',
  setup: async (context) => {
    ctx = context;
  },
  // Who read a client's record is for the client, their therapist and the administrator: not
  // a supervisor (with consent or not) nor a designee (in or out of cover).
  relations: () => [
    //                                                  sup+c sup-c sup-w  des<  des=  des-x des>
    {
      route: 'GET /api/v1/clients/:id/access-report',
      url: (k) => `/api/v1/clients/${k.clientId}/access-report`,
      expect: outcomes(404, 404, 404, 404, 404, 404, 404),
    },
  ],
  rows: () => [
    //                                                   anon  cl  ocl   th  oth  sup  adm  opa
    {
      route: 'GET /api/v1/portal/access-report',
      expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
    },
    {
      route: 'GET /api/v1/clients/:id/access-report',
      note: "the therapist's client",
      url: () => `/api/v1/clients/${ctx.h.cast.client.clientId}/access-report`,
      expect: statuses(401, 404, 404, 200, 404, 404, 200, 404),
    },
    {
      route: 'GET /api/v1/clients/:id/access-report',
      note: 'a client that does not exist',
      url: () => `/api/v1/clients/${randomUUID()}/access-report`,
      expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
    },
  ],
};
