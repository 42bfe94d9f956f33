import { errors, uuidParam } from '@throughline/contracts';
import { createApiToken, listApiTokens, revokeApiToken } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const tokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/tokens',
    {
      config: { policy: 'token.list' },
      schema: {
        tags: ['tokens'],
        summary: 'Your personal API tokens (never the token values)',
        response: { 200: z.object({ items: z.array(tokenView) }), ...errors },
      },
    },
    async (request) => ({ items: await listApiTokens(request.ctx) }),
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { policy: 'token.create' },
      schema: {
        tags: ['tokens'],
        summary: 'Create a personal API token (shown once); needs a two-factor-verified session',
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(365).default(90),
        }),
        response: {
          201: z.object({ id: z.uuid(), name: z.string(), token: z.string(), expiresAt: z.date() }),
          ...errors,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(request.ctx, request.body)),
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { policy: 'token.revoke' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke one of your tokens',
        params: uuidParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeApiToken(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
