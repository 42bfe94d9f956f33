import {
  acceptEndingPlanRequest,
  endingPlanSchema,
  errors,
  problemSchema,
  proposeEndingPlanRequest,
  uuidParam,
} from '@throughline/contracts';
import { acceptEndingPlan, getEndingPlan, proposeEndingPlan } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const conflict = { 409: problemSchema };

/** The ending plan agreed by both (issue 11): the episode's therapist and its client. */
export const endingPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/ending-plan',
    {
      config: { policy: 'ending-plan.read' },
      schema: {
        tags: ['ending'],
        summary:
          'The current ending plan version: its terms, who proposed it, who accepted what and when, and the version both agreed (404 when none)',
        params: uuidParam,
        response: { 200: endingPlanSchema, ...errors },
      },
    },
    async (request) => getEndingPlan(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/episodes/:id/ending-plan',
    {
      config: { policy: 'ending-plan.propose' },
      schema: {
        tags: ['ending'],
        summary:
          'Propose a version of the ending plan (the therapist or the client; counts as your acceptance). Not on a closed episode; no date in the past',
        params: uuidParam,
        body: proposeEndingPlanRequest,
        response: { 201: endingPlanSchema, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await proposeEndingPlan(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/episodes/:id/ending-plan/accept',
    {
      config: { policy: 'ending-plan.accept' },
      schema: {
        tags: ['ending'],
        summary:
          'Accept the version you read; an outdated version is refused (409). When both have accepted it, the episode moves to ending and its future sessions follow the taper',
        params: uuidParam,
        body: acceptEndingPlanRequest,
        response: { 200: endingPlanSchema, ...errors, ...conflict },
      },
    },
    async (request) => acceptEndingPlan(request.ctx, request.params.id, request.body),
  );
};
