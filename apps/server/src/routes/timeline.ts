import {
  errors,
  pageSchema,
  timelineItemSchema,
  timelineQuery,
  uuidParam,
} from '@throughline/contracts';
import { readTimeline } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/clients/:id/timeline',
    {
      config: { policy: 'client.timeline' },
      schema: {
        tags: ['clients'],
        summary: "The relationship timeline across the client's episodes you may see, newest first",
        params: uuidParam,
        querystring: timelineQuery,
        response: { 200: pageSchema(timelineItemSchema), ...errors },
      },
    },
    async (request) =>
      readTimeline(request.ctx, {
        clientId: request.params.id,
        types: request.query.types,
        limit: request.query.limit,
        cursor: request.query.cursor,
      }),
  );
};
