import { briefQuery, briefSchema, errors, uuidParam } from '@throughline/contracts';
import { readBrief } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const briefRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/brief',
    {
      config: { policy: 'brief.read' },
      schema: {
        tags: ['brief'],
        summary:
          'The pre-session brief for a session of the episode (default: the next scheduled one)',
        params: uuidParam,
        querystring: briefQuery,
        response: { 200: briefSchema, ...errors },
      },
    },
    async (request) =>
      readBrief(request.ctx, {
        episodeId: request.params.id,
        appointmentId: request.query.appointment,
      }),
  );
};
