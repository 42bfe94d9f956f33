import { randomUUID } from 'node:crypto';
import { type MatrixContext, type ModuleMatrix, outcomes, statuses } from '../testing/matrix';

let ctx: MatrixContext;

/**
 * The record export (issue 12): the client's therapist exports the record of the episodes they
 * treat; the client downloads their own. Everyone else: 404 for the record (another therapist,
 * another client, a supervisor with or without consent, a designee, the administrators), 403 for
 * a role that has no portal.
 */
export const matrix: ModuleMatrix = {
  name: 'record-export',
  setup: async (context) => {
    ctx = context;
  },
  relations: () => [
    //                                                  sup+c sup-c sup-w  des<  des=  des-x des>
    {
      route: 'GET /api/v1/clients/:id/fhir',
      url: (k) => `/api/v1/clients/${k.clientId}/fhir`,
      expect: outcomes(404, 404, 404, 404, 404, 404, 404),
    },
  ],
  rows: () => [
    //                                                   anon  cl  ocl   th  oth  sup  adm  opa
    {
      route: 'GET /api/v1/clients/:id/fhir',
      note: "the therapist's client",
      url: () => `/api/v1/clients/${ctx.h.cast.client.clientId}/fhir`,
      expect: statuses(401, 404, 404, 200, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/clients/:id/fhir',
      note: 'a client that does not exist',
      url: () => `/api/v1/clients/${randomUUID()}/fhir`,
      expect: statuses(401, 404, 404, 404, 404, 404, 404, 404),
    },
    {
      route: 'GET /api/v1/portal/export.fhir.json',
      note: 'each client their own record',
      expect: statuses(401, 200, 200, 403, 403, 403, 403, 403),
    },
  ],
};
