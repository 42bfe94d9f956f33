import { getClient, inviteClient, listClients } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { displayName, email, errors, problemSchema, uuidParam } from './schemas';

const client = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  status: z.enum(['invited', 'active']),
  therapistId: z.uuid(),
  therapistName: z.string(),
  createdAt: z.date(),
});

export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/clients',
    {
      config: { policy: 'client.list' },
      schema: {
        tags: ['clients'],
        summary: 'The clients the caller may see (a therapist: their caseload), newest first',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: {
          200: z.object({ items: z.array(client), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => listClients(request.ctx, request.query),
  );

  app.post(
    '/api/v1/clients',
    {
      config: { policy: 'client.create' },
      schema: {
        tags: ['clients'],
        summary: 'Add a client to your caseload and invite them to the portal by e-mail',
        body: z.strictObject({ displayName, email }),
        response: { 201: client, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await inviteClient(request.ctx, request.body)),
  );

  app.get(
    '/api/v1/clients/:id',
    {
      config: { policy: 'client.read' },
      schema: {
        tags: ['clients'],
        summary: 'One client (404 when it is not yours to see)',
        params: uuidParam,
        response: { 200: client, ...errors },
      },
    },
    async (request) => getClient(request.ctx, request.params.id),
  );
};
