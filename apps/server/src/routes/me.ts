import { errors, meSchema, portalHomeSchema } from '@throughline/contracts';
import { readMe, readPortalHome } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/me',
    {
      config: { policy: 'me.read' },
      schema: {
        tags: ['me'],
        summary: 'Who the caller is',
        response: { 200: meSchema, ...errors },
      },
    },
    async (request) => readMe(request.ctx),
  );

  app.get(
    '/api/v1/portal',
    {
      config: { policy: 'portal.read' },
      schema: {
        tags: ['portal'],
        summary: "The client's portal home",
        response: { 200: portalHomeSchema, ...errors },
      },
    },
    async (request) => readPortalHome(request.ctx),
  );
};
