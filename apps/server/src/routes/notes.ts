import { errors, problemSchema, uuidParam } from '@throughline/contracts';
import {
  addAddendum,
  createNote,
  getNote,
  listNotes,
  NOTE_TEMPLATES,
  signNote,
  updateNote,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const template = z.enum(NOTE_TEMPLATES);
/** The template's fields; checked against the note's template by the use-case. */
const body = z
  .record(z.string(), z.unknown())
  .describe(
    'The template fields plus planForNext, threadsToOpen, threadsToClose, homework. Drafts may be incomplete; signing requires every field of the template.',
  );
const version = z.number().int().min(1);

const summary = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  template,
  status: z.enum(['draft', 'signed']),
  createdAt: z.date(),
  signedAt: z.date().nullable(),
});

const note = summary.extend({
  version: z.number().int(),
  body: z.record(z.string(), z.unknown()),
  updatedAt: z.date(),
  addenda: z.array(
    z.object({
      id: z.uuid(),
      text: z.string(),
      authorId: z.uuid(),
      authorName: z.string(),
      createdAt: z.date(),
    }),
  ),
});

const conflicts = { ...errors, 409: problemSchema };

export const noteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/notes',
    {
      config: { policy: 'note.list' },
      schema: {
        tags: ['notes'],
        summary:
          'Session notes of an episode, newest first, without bodies (psychotherapy notes are never listed)',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(summary) }), ...errors },
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
        body: z.strictObject({
          template,
          appointmentId: z.uuid().optional(),
          body: body.optional(),
        }),
        response: { 201: note, ...errors },
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
        response: { 200: note, ...errors },
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
        body: z.strictObject({ version, body }),
        response: {
          200: z.object({ id: z.uuid(), version: z.number().int(), updatedAt: z.date() }),
          ...conflicts,
        },
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
        body: z.strictObject({ version }),
        response: { 200: note, ...conflicts },
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
        body: z.strictObject({ text: z.string().trim().min(1).max(20_000) }),
        response: { 201: note, ...conflicts },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addAddendum(request.ctx, request.params.id, request.body)),
  );
};
