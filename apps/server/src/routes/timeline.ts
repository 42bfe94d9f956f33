import { cursorParam, errors, uuidParam } from '@throughline/contracts';
import { readTimeline, TIMELINE_TYPES } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const type = z.enum(TIMELINE_TYPES);

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/clients/:id/timeline',
    {
      config: { policy: 'client.timeline' },
      schema: {
        tags: ['clients'],
        summary: "The relationship timeline across the client's episodes you may see, newest first",
        params: uuidParam,
        querystring: z.strictObject({
          types: z
            .string()
            .max(200)
            .transform((v) => v.split(',').map((t) => t.trim()))
            .pipe(z.array(type).min(1))
            .optional()
            .describe(`Comma-separated: ${TIMELINE_TYPES.join(', ')} (default: all)`),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: cursorParam.optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                type,
                at: z.date(),
                episodeId: z.uuid(),
                id: z.uuid(),
                title: z.string(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
          ...errors,
        },
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
