import { readMe, readPortalHome } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors, roleSchema } from './schemas';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/me',
    {
      config: { policy: 'me.read' },
      schema: {
        tags: ['me'],
        summary: 'Who the caller is',
        response: {
          200: z.object({
            userId: z.uuid(),
            practiceId: z.uuid(),
            practiceName: z.string(),
            role: roleSchema,
            email: z.string(),
            displayName: z.string(),
            twoFactorEnabled: z.boolean(),
            twoFactorVerified: z.boolean(),
          }),
          ...errors,
        },
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
        response: {
          200: z.object({
            displayName: z.string(),
            practiceName: z.string(),
            therapist: z.object({ displayName: z.string() }).nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => readPortalHome(request.ctx),
  );
};
