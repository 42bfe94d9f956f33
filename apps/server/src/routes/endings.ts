import {
  destroyEpisodeBody,
  destructionSchema,
  endingSchema,
  errors,
  portalClosureLetterSchema,
  problemSchema,
  recordEndingRequest,
  retentionDueItemSchema,
  retentionSettingsSchema,
  updateRetentionSettingsBody,
  uuidParam,
} from '@throughline/contracts';
import {
  destroyEpisode,
  getClosureLetter,
  getEnding,
  getRetentionSettings,
  listRetentionDue,
  recordEnding,
  updateRetentionSettings,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** How an episode ends (issue 11) and how long its record is kept. */
export const endingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/episodes/:id/ending',
    {
      config: { policy: 'episode.ending.record' },
      schema: {
        tags: ['endings'],
        summary: 'Record how the episode ended, and move its phase in the same step',
        description:
          'One form per `kind`. `planned` (only from ending) moves to aftercare; every other kind closes the episode. A therapist-initiated ending needs the pretermination contact and a referral, or `precludedBecause`; a client withdrawal needs at least one outreach attempt and a closure letter (shown in the portal; the e-mail only says it is there, within the client’s safe-contact choices). One ending per episode (409).',
        params: uuidParam,
        body: recordEndingRequest,
        response: { 201: endingSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordEnding(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/v1/episodes/:id/ending',
    {
      config: { policy: 'episode.ending.read' },
      schema: {
        tags: ['endings'],
        summary: 'How the episode ended, in plain words, with its retention date once closed',
        params: uuidParam,
        response: { 200: endingSchema, ...errors },
      },
    },
    async (request) => getEnding(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/episodes/:id/closure-letter',
    {
      config: { policy: 'closure-letter.read' },
      schema: {
        tags: ['endings'],
        summary: 'The closure letter after a client withdrew (the client reads it in the portal)',
        params: uuidParam,
        response: { 200: portalClosureLetterSchema, ...errors },
      },
    },
    async (request) => getClosureLetter(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/retention/settings',
    {
      config: { policy: 'retention-settings.read' },
      schema: {
        tags: ['retention'],
        summary: 'How long closed records are kept (years after the last service, after majority)',
        response: { 200: retentionSettingsSchema, ...errors },
      },
    },
    async (request) => getRetentionSettings(request.ctx),
  );

  app.patch(
    '/api/v1/retention/settings',
    {
      config: { policy: 'retention-settings.update' },
      schema: {
        tags: ['retention'],
        summary: 'Change how long closed records are kept',
        body: updateRetentionSettingsBody,
        response: { 200: retentionSettingsSchema, ...errors },
      },
    },
    async (request) => updateRetentionSettings(request.ctx, request.body),
  );

  app.get(
    '/api/v1/retention/due',
    {
      config: { policy: 'retention.due.list' },
      schema: {
        tags: ['retention'],
        summary: 'Closed records whose retention date has been reached, for review',
        response: { 200: z.object({ items: z.array(retentionDueItemSchema) }), ...errors },
      },
    },
    async (request) => listRetentionDue(request.ctx),
  );

  app.post(
    '/api/v1/episodes/:id/destroy',
    {
      config: { policy: 'episode.destroy' },
      schema: {
        tags: ['retention'],
        summary: "Destroy a closed episode's clinical content after its retention date",
        description:
          "Erases notes, questionnaires, goals, messages, files, agreements and sessions; keeps the audit trail and a record of the destruction (who, when, what with counts). `confirm` is the client's name as the review list shows it. Before the retention date: 409, nothing changes.",
        params: uuidParam,
        body: destroyEpisodeBody,
        response: { 200: destructionSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => destroyEpisode(request.ctx, request.params.id, request.body),
  );
};
