import { cursorParam, errors, problemSchema, uuidParam } from '@throughline/contracts';
import {
  changeEpisodePhase,
  createEpisode,
  getEpisode,
  listEpisodes,
  PHASES,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const phase = z.enum(PHASES);
const reason = z.string().trim().min(1).max(2000);

const episode = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  therapistId: z.uuid(),
  therapistName: z.string(),
  phase,
  title: z.string(),
  previousEpisodeId: z.uuid().nullable(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
});

const episodeDetail = episode.extend({
  client: z.object({
    id: z.uuid(),
    displayName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
  }),
  phaseHistory: z.array(
    z.object({
      from: phase.nullable(),
      to: phase,
      changedBy: z.object({ id: z.uuid(), displayName: z.string() }),
      changedAt: z.date(),
      reason: z.string().optional().describe('Therapist-only; absent for the client'),
    }),
  ),
  previousEpisodeIds: z.array(z.uuid()).describe('Earlier episodes, nearest first'),
  nextPhases: z.array(phase).describe('Where the caller may move this episode next'),
});

export const episodeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes',
    {
      config: { policy: 'episode.list' },
      schema: {
        tags: ['episodes'],
        summary: 'The episodes of care the caller may see, newest first',
        querystring: z.strictObject({
          clientId: z.uuid().optional(),
          phase: phase.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: cursorParam.optional(),
        }),
        response: {
          200: z.object({ items: z.array(episode), nextCursor: z.string().nullable() }),
          ...errors,
        },
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
        body: z.strictObject({
          clientId: z.uuid(),
          title: z.string().trim().min(1).max(200),
          reason: reason.describe('Why the episode opens; recorded as the first phase change'),
        }),
        response: { 201: episode, ...errors, 409: problemSchema },
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
        response: { 200: episodeDetail, ...errors },
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
        body: z.strictObject({ to: phase, reason }),
        response: { 200: episodeDetail, ...errors, 409: problemSchema },
      },
    },
    async (request) => changeEpisodePhase(request.ctx, request.params.id, request.body),
  );
};
