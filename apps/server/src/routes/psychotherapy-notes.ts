import {
  checkPsychotherapyNoteRequest,
  createPsychotherapyNoteRequest,
  errors,
  psychotherapyCheckSchema,
  psychotherapyNoteListSchema,
  psychotherapyNoteSchema,
  updatePsychotherapyNoteRequest,
  uuidParam,
} from '@throughline/contracts';
import {
  checkPsychotherapyNote,
  createPsychotherapyNote,
  getPsychotherapyNote,
  listPsychotherapyNotes,
  updatePsychotherapyNote,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** HIPAA 45 CFR 164.501: author-only process notes, apart from the record. */
export const psychotherapyNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/psychotherapy-notes',
    {
      config: { policy: 'psychotherapy-note.list' },
      schema: {
        tags: ['psychotherapy notes'],
        summary: "The caller's own psychotherapy notes in an episode, without bodies",
        params: uuidParam,
        response: { 200: psychotherapyNoteListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listPsychotherapyNotes(request.ctx, request.params.id) }),
  );

  app.post(
    '/api/v1/episodes/:id/psychotherapy-notes',
    {
      config: { policy: 'psychotherapy-note.create' },
      schema: {
        tags: ['psychotherapy notes'],
        summary:
          'Write a psychotherapy note; the answer warns about content HIPAA excludes from it',
        params: uuidParam,
        body: createPsychotherapyNoteRequest,
        response: { 201: psychotherapyNoteSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await createPsychotherapyNote(request.ctx, {
          episodeId: request.params.id,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/v1/psychotherapy-notes/check',
    {
      config: { policy: 'psychotherapy-note.check' },
      schema: {
        tags: ['psychotherapy notes'],
        summary:
          'Check text for medication, test results, session times or diagnosis/plan summaries',
        body: checkPsychotherapyNoteRequest,
        response: { 200: psychotherapyCheckSchema, ...errors },
      },
    },
    async (request) => checkPsychotherapyNote(request.ctx, request.body),
  );

  app.get(
    '/api/v1/psychotherapy-notes/:id',
    {
      config: { policy: 'psychotherapy-note.read' },
      schema: {
        tags: ['psychotherapy notes'],
        summary: 'One of your own psychotherapy notes (404 for anyone but its author)',
        params: uuidParam,
        response: { 200: psychotherapyNoteSchema, ...errors },
      },
    },
    async (request) => getPsychotherapyNote(request.ctx, request.params.id),
  );

  app.patch(
    '/api/v1/psychotherapy-notes/:id',
    {
      config: { policy: 'psychotherapy-note.update' },
      schema: {
        tags: ['psychotherapy notes'],
        summary: 'Rewrite one of your own psychotherapy notes',
        params: uuidParam,
        body: updatePsychotherapyNoteRequest,
        response: { 200: psychotherapyNoteSchema, ...errors },
      },
    },
    async (request) => updatePsychotherapyNote(request.ctx, request.params.id, request.body),
  );
};
