import {
  addAddendumRequest,
  createNoteRequest,
  errors,
  noteListSchema,
  noteSavedSchema,
  noteSchema,
  problemSchema,
  signNoteRequest,
  updateNoteRequest,
  uuidParam,
} from '@throughline/contracts';
import {
  addAddendum,
  createNote,
  getNote,
  listNotes,
  signNote,
  updateNote,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const conflicts = { ...errors, 409: problemSchema };

export const noteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/notes',
    {
      config: { policy: 'note.list' },
      schema: {
        tags: ['notes'],
        summary:
          'Session notes of an episode by session date, newest first (a note without a session by its creation), without bodies; psychotherapy notes are never listed',
        params: uuidParam,
        response: { 200: noteListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listNotes(request.ctx, request.params.id) }),
  );

  app.post(
    '/api/v1/episodes/:id/notes',
    {
      config: { policy: 'note.create' },
      schema: {
        tags: ['notes'],
        summary: 'Start a draft session note (SOAP, DAP, BIRP or music therapy)',
        params: uuidParam,
        body: createNoteRequest,
        response: { 201: noteSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createNote(request.ctx, { episodeId: request.params.id, ...request.body })),
  );

  app.get(
    '/api/v1/notes/:id',
    {
      config: { policy: 'note.read' },
      schema: {
        tags: ['notes'],
        summary: 'One session note with its body and addenda',
        params: uuidParam,
        response: { 200: noteSchema, ...errors },
      },
    },
    async (request) => getNote(request.ctx, request.params.id),
  );

  app.patch(
    '/api/v1/notes/:id',
    {
      config: { policy: 'note.update' },
      schema: {
        tags: ['notes'],
        summary: 'Autosave a draft; name the version you edited (409 when stale or signed)',
        params: uuidParam,
        body: updateNoteRequest,
        response: { 200: noteSavedSchema, ...conflicts },
      },
    },
    async (request) => updateNote(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/v1/notes/:id/sign',
    {
      config: { policy: 'note.sign' },
      schema: {
        tags: ['notes'],
        summary:
          'Sign and lock a draft; opens and closes threads and sets homework in the same step',
        params: uuidParam,
        body: signNoteRequest,
        response: { 200: noteSchema, ...conflicts },
      },
    },
    async (request) => signNote(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/v1/notes/:id/addenda',
    {
      config: { policy: 'note.addendum' },
      schema: {
        tags: ['notes'],
        summary: 'Add a correction or addition to a signed note (author and time recorded)',
        params: uuidParam,
        body: addAddendumRequest,
        response: { 201: noteSchema, ...conflicts },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addAddendum(request.ctx, request.params.id, request.body)),
  );
};
