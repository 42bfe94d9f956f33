import {
  assignSupervisorRequest,
  boundaryEntryListSchema,
  boundaryEntryRequest,
  boundaryEntrySchema,
  coverListSchema,
  coverRequest,
  coverSchema,
  errors,
  itemsSchema,
  portalCoverSchema,
  problemSchema,
  supervisedEpisodeListSchema,
  supervisionAssignmentSchema,
  uuidParam,
} from '@throughline/contracts';
import {
  addBoundaryEntry,
  arrangeCover,
  assignSupervisor,
  cancelCover,
  listBoundaryEntries,
  listCover,
  listSupervisedEpisodes,
  listSupervisionAssignments,
  readPortalCover,
  unassignSupervisor,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const conflict = { 409: problemSchema };

/** Supervision, cover while away and the boundary log (issue 10). */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/supervision/assignments',
    {
      config: { policy: 'supervision.assignment.list' },
      schema: {
        tags: ['supervision'],
        summary: 'Which supervisor supervises which therapist',
        response: { 200: itemsSchema(supervisionAssignmentSchema), ...errors },
      },
    },
    async (request) => ({ items: await listSupervisionAssignments(request.ctx) }),
  );

  app.post(
    '/api/v1/supervision/assignments',
    {
      config: { policy: 'supervision.assign' },
      schema: {
        tags: ['supervision'],
        summary:
          "Assign a supervisor to a therapist; they read an episode only while its client's supervision consent is live",
        body: assignSupervisorRequest,
        response: { 201: supervisionAssignmentSchema, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await assignSupervisor(request.ctx, request.body)),
  );

  app.delete(
    '/api/v1/supervision/assignments/:id',
    {
      config: { policy: 'supervision.unassign' },
      schema: {
        tags: ['supervision'],
        summary: 'End an assignment',
        params: uuidParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await unassignSupervisor(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/supervision/episodes',
    {
      config: { policy: 'supervision.episode.list' },
      schema: {
        tags: ['supervision'],
        summary:
          "The supervisor's episodes: of therapists they supervise, whose client's supervision consent is live",
        response: { 200: supervisedEpisodeListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listSupervisedEpisodes(request.ctx) }),
  );

  app.get(
    '/api/v1/cover',
    {
      config: { policy: 'cover.list' },
      schema: {
        tags: ['cover'],
        summary:
          'Cover you arranged for your episodes, and cover you give colleagues (not yet over)',
        response: { 200: coverListSchema, ...errors },
      },
    },
    async (request) => listCover(request.ctx),
  );

  app.post(
    '/api/v1/cover',
    {
      config: { policy: 'cover.create' },
      schema: {
        tags: ['cover'],
        summary:
          'Name a designee to cover some of your episodes between two times; their access ends by itself',
        body: coverRequest,
        response: { 201: coverSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await arrangeCover(request.ctx, request.body)),
  );

  app.post(
    '/api/v1/cover/:id/cancel',
    {
      config: { policy: 'cover.cancel' },
      schema: {
        tags: ['cover'],
        summary: "Cancel cover you arranged; the designee's access ends at once",
        params: uuidParam,
        response: { 200: coverSchema, ...errors, ...conflict },
      },
    },
    async (request) => cancelCover(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/portal/cover',
    {
      config: { policy: 'portal.cover.read' },
      schema: {
        tags: ['portal'],
        summary: 'Who is covering for your therapist now, and until when',
        response: { 200: itemsSchema(portalCoverSchema), ...errors },
      },
    },
    async (request) => ({ items: await readPortalCover(request.ctx) }),
  );

  app.get(
    '/api/v1/episodes/:id/boundary-log',
    {
      config: { policy: 'boundary-log.list' },
      schema: {
        tags: ['boundaries'],
        summary:
          "The episode's boundary and ethics log (therapist; a supervisor only when the consent shares it)",
        params: uuidParam,
        response: { 200: boundaryEntryListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listBoundaryEntries(request.ctx, request.params.id) }),
  );

  app.post(
    '/api/v1/episodes/:id/boundary-log',
    {
      config: { policy: 'boundary-log.create' },
      schema: {
        tags: ['boundaries'],
        summary: 'Add an entry to the boundary and ethics log (entries are not edited)',
        params: uuidParam,
        body: boundaryEntryRequest,
        response: { 201: boundaryEntrySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addBoundaryEntry(request.ctx, request.params.id, request.body)),
  );
};
