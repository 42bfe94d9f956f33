import {
  changePhaseBody,
  createEpisodeBody,
  episodeDetailSchema,
  episodeSchema,
  errors,
  listEpisodesQuery,
  pageSchema,
  problemSchema,
  uuidParam,
} from '@throughline/contracts';
import { changeEpisodePhase, createEpisode, getEpisode, listEpisodes } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const episodeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes',
    {
      config: { policy: 'episode.list' },
      schema: {
        tags: ['episodes'],
        summary: 'The episodes of care the caller may see, newest first',
        querystring: listEpisodesQuery,
        response: { 200: pageSchema(episodeSchema), ...errors },
      },
    },
    async (request) => listEpisodes(request.ctx, request.query),
  );

  app.post(
    '/api/v1/episodes',
    {
      config: { policy: 'episode.create' },
      schema: {
        tags: ['episodes'],
        summary: 'Open an episode of care with a client (linked to their last closed one)',
        body: createEpisodeBody,
        response: { 201: episodeSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createEpisode(request.ctx, request.body)),
  );

  app.get(
    '/api/v1/episodes/:id',
    {
      config: { policy: 'episode.read' },
      schema: {
        tags: ['episodes'],
        summary: 'One episode with its client, phase history and earlier episodes',
        params: uuidParam,
        response: { 200: episodeDetailSchema, ...errors },
      },
    },
    async (request) => getEpisode(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/episodes/:id/phase',
    {
      config: { policy: 'episode.phase.change' },
      schema: {
        tags: ['episodes'],
        summary: 'Move an episode to its next phase, with the reason',
        description:
          'Allowed: intake→active, intake→closed, active→ending, active→closed (unplanned ending), ending→active, ending→aftercare, ending→closed, aftercare→closed. Anything else is 409.',
        params: uuidParam,
        body: changePhaseBody,
        response: { 200: episodeDetailSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => changeEpisodePhase(request.ctx, request.params.id, request.body),
  );
};
