import {
  ATTACHMENT_MAX_BYTES,
  attachmentSchema,
  closeThreadRequest,
  completeHomeworkRequest,
  errors,
  homeworkListSchema,
  homeworkSchema,
  problemSchema,
  threadListQuery,
  threadListSchema,
  threadSchema,
  uuidParam,
} from '@throughline/contracts';
import {
  closeThread,
  completeHomework,
  listHomework,
  listPortalHomework,
  listThreads,
  readAttachment,
  uploadAttachment,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptOneFile, contentDisposition, readOneFile } from './uploads';

export const carryForwardRoutes: FastifyPluginAsyncZod = async (app) => {
  // Scoped to this plugin: only the upload route accepts multipart bodies, with its own limit.
  await acceptOneFile(app);

  app.get(
    '/api/v1/episodes/:id/threads',
    {
      config: { policy: 'thread.list' },
      schema: {
        tags: ['carry-forward'],
        summary: 'Threads (themes to keep following) of an episode',
        params: uuidParam,
        querystring: threadListQuery,
        response: { 200: threadListSchema, ...errors },
      },
    },
    async (request) => ({
      items: await listThreads(request.ctx, request.params.id, request.query.status),
    }),
  );

  app.post(
    '/api/v1/threads/:id/close',
    {
      config: { policy: 'thread.close' },
      schema: {
        tags: ['carry-forward'],
        summary: 'Close an open thread (optionally naming the note of this episode that closed it)',
        params: uuidParam,
        body: closeThreadRequest,
        response: { 200: threadSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => closeThread(request.ctx, request.params.id, request.body ?? {}),
  );

  app.get(
    '/api/v1/episodes/:id/homework',
    {
      config: { policy: 'homework.list' },
      schema: {
        tags: ['carry-forward'],
        summary: 'Homework of an episode (its therapist or its client)',
        params: uuidParam,
        response: { 200: homeworkListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listHomework(request.ctx, request.params.id) }),
  );

  app.get(
    '/api/v1/portal/homework',
    {
      config: { policy: 'portal.read' },
      schema: {
        tags: ['portal'],
        summary: "The client's open homework and what they finished in the last 30 days",
        response: { 200: homeworkListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listPortalHomework(request.ctx) }),
  );

  app.post(
    '/api/v1/homework/:id/complete',
    {
      config: { policy: 'homework.complete' },
      schema: {
        tags: ['portal'],
        summary: 'Mark your homework done, with an optional comment for your therapist',
        params: uuidParam,
        body: completeHomeworkRequest,
        response: { 200: homeworkSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => completeHomework(request.ctx, request.params.id, request.body ?? {}),
  );

  app.post(
    '/api/v1/episodes/:id/attachments',
    {
      config: { policy: 'attachment.create' },
      schema: {
        tags: ['carry-forward'],
        summary: `Upload one file (multipart/form-data, at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB): audio, plain text or PDF`,
        consumes: ['multipart/form-data'],
        params: uuidParam,
        response: { 201: attachmentSchema, ...errors, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const created = await uploadAttachment(request.ctx, {
        episodeId: request.params.id,
        ...(await readOneFile(request)),
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/attachments/:id',
    {
      config: { policy: 'attachment.read' },
      schema: {
        tags: ['carry-forward'],
        summary: 'Download a file (its therapist, or the client it was set for as homework)',
        params: uuidParam,
        response: { 200: z.unknown().describe('The file, with its media type'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await readAttachment(request.ctx, request.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
};
