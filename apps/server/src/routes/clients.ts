import {
  clientSchema,
  createClientBody,
  errors,
  invitedClientSchema,
  listClientsQuery,
  pageSchema,
  portalPreferencesBody,
  portalPreferencesSchema,
  problemSchema,
  updateClientBody,
  uuidParam,
} from '@throughline/contracts';
import {
  getClient,
  inviteClient,
  listClients,
  updateClient,
  updatePortalPreferences,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/clients',
    {
      config: { policy: 'client.list' },
      schema: {
        tags: ['clients'],
        summary: 'The clients the caller may see (a therapist: their caseload), newest first',
        querystring: listClientsQuery,
        response: { 200: pageSchema(clientSchema), ...errors },
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
        description:
          'The invitation is not sent when `invite` is false, nor when the client may not be e-mailed (`safeContact.mayEmail: false`); `invitationSent` says which happened. The time zone defaults to the practice’s.',
        body: createClientBody,
        response: {
          201: invitedClientSchema,
          ...errors,
          409: problemSchema,
        },
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
        response: { 200: clientSchema, ...errors },
      },
    },
    async (request) => getClient(request.ctx, request.params.id),
  );

  app.patch(
    '/api/v1/clients/:id',
    {
      config: { policy: 'client.update' },
      schema: {
        tags: ['clients'],
        summary: "Change a client's details (not the e-mail address, which is their login)",
        description: 'Send only the fields to change; `null` clears an optional field.',
        params: uuidParam,
        body: updateClientBody,
        response: { 200: clientSchema, ...errors },
      },
    },
    async (request) => updateClient(request.ctx, request.params.id, request.body),
  );

  app.patch(
    '/api/v1/portal/preferences',
    {
      config: { policy: 'portal.update' },
      schema: {
        tags: ['portal'],
        summary: 'The client sets how the practice may contact them and their time zone',
        body: portalPreferencesBody,
        response: { 200: portalPreferencesSchema, ...errors },
      },
    },
    async (request) => updatePortalPreferences(request.ctx, request.body),
  );
};
