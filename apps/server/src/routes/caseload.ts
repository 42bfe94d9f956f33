import { caseloadSchema, errors } from '@throughline/contracts';
import { readCaseload } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const caseloadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/caseload',
    {
      config: { policy: 'caseload.read' },
      schema: {
        tags: ['caseload'],
        summary: 'Your episodes that are not closed, by next session, with what needs attention',
        response: { 200: caseloadSchema, ...errors },
      },
    },
    async (request) => readCaseload(request.ctx),
  );
};
