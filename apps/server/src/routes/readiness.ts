import {
  continuityKitListSchema,
  errors,
  giveReadinessViewRequest,
  problemSchema,
  readinessSchema,
  uuidParam,
} from '@throughline/contracts';
import { giveReadinessView, readContinuityKits, readReadiness } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The readiness review and the continuity kit (issue 11). */
export const readinessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/readiness',
    {
      config: { policy: 'readiness.read' },
      schema: {
        tags: ['ending'],
        summary:
          'The readiness review of an episode: the evidence and both views (its therapist or its client)',
        params: uuidParam,
        response: { 200: readinessSchema, ...errors },
      },
    },
    async (request) => readReadiness(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/episodes/:id/readiness/views',
    {
      config: { policy: 'readiness.view.give' },
      schema: {
        tags: ['ending'],
        summary:
          'Give your view of readiness to end (1–5 and your own words); the newer replaces the shown one, history is kept',
        params: uuidParam,
        body: giveReadinessViewRequest,
        response: { 201: readinessSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return giveReadinessView(request.ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/api/v1/portal/continuity-kit',
    {
      config: { policy: 'continuity-kit.read' },
      schema: {
        tags: ['ending'],
        summary:
          'What the client keeps after each ended episode: relapse-prevention plan, homework, music, crisis resources, how to ask to come back',
        response: { 200: continuityKitListSchema, ...errors },
      },
    },
    async (request) => readContinuityKits(request.ctx),
  );
};
