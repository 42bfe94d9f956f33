import {
  apiTokenSchema,
  createdTokenSchema,
  createTokenBody,
  errors,
  itemsSchema,
  uuidParam,
} from '@throughline/contracts';
import { createApiToken, listApiTokens, revokeApiToken } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/tokens',
    {
      config: { policy: 'token.list' },
      schema: {
        tags: ['tokens'],
        summary: 'Your personal API tokens (never the token values)',
        response: { 200: itemsSchema(apiTokenSchema), ...errors },
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
        body: createTokenBody,
        response: { 201: createdTokenSchema, ...errors },
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
