import {
  clientSchema,
  createClientBody,
  errors,
  invitedClientSchema,
  issuedSignUpCodeSchema,
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
  issueClientSignUpCode,
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
        summary:
          'Add a client to your caseload and invite them to the portal, by e-mail or with a sign-up code',
        description:
          'The invitation e-mail is sent unless `invite` is false, the e-mail is left out, or the client may not be e-mailed (`safeContact.mayEmail: false`); `invitationSent` says which happened. Without an e-mail invitation (and `invite` not false) the answer carries `signUpCode`, a one-time code to hand to the client in person: shown this once, stored only as a hash, valid as long as an invitation link. The time zone defaults to the practice’s.',
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

  app.post(
    '/api/v1/clients/:id/sign-up-code',
    {
      config: { policy: 'client.sign-up-code.issue' },
      schema: {
        tags: ['clients'],
        summary:
          'A new one-time sign-up code for your client who has not signed up yet (earlier codes and links stop working)',
        params: uuidParam,
        response: { 201: issuedSignUpCodeSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await issueClientSignUpCode(request.ctx, request.params.id)),
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
