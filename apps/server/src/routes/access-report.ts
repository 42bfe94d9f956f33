import { accessReportQuery, accessReportSchema, errors, uuidParam } from '@throughline/contracts';
import { readClientAccessReport, readOwnAccessReport } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Who accessed a client's record and when (HIPAA 45 CFR 164.528): docs/security.md.
export const accessReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/portal/access-report',
    {
      config: { policy: 'access-report.read' },
      schema: {
        tags: ['portal'],
        summary: 'Who accessed your record and when, newest first (viewing it is audited)',
        querystring: accessReportQuery,
        response: { 200: accessReportSchema, ...errors },
      },
    },
    async (request) => readOwnAccessReport(request.ctx, request.query),
  );

  app.get(
    '/api/v1/clients/:id/access-report',
    {
      config: { policy: 'client.access-report.read' },
      schema: {
        tags: ['clients'],
        summary:
          "Who accessed this client's record and when, newest first: the client's therapist and the practice administrator",
        params: uuidParam,
        querystring: accessReportQuery,
        response: { 200: accessReportSchema, ...errors },
      },
    },
    async (request) => readClientAccessReport(request.ctx, request.params.id, request.query),
  );
};
