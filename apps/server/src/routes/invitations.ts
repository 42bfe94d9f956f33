import {
  acceptInvitationBody,
  errors,
  invitationSchema,
  invitationTokenParam,
  problemSchema,
} from '@throughline/contracts';
import { acceptInvitation, readInvitation } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/invitations/:token',
    {
      config: { policy: 'invitation.read' },
      schema: {
        tags: ['auth'],
        summary: 'What an invitation link is for',
        params: invitationTokenParam,
        response: { 200: invitationSchema, ...errors },
      },
    },
    async (request) => readInvitation(request.ctx, request.params.token),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    {
      config: { policy: 'invitation.accept', rateLimit: { timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation by choosing a password (single use)',
        params: invitationTokenParam,
        body: acceptInvitationBody,
        response: { 204: z.null(), ...errors, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await acceptInvitation(request.ctx, request.params.token, request.body.password);
      return reply.code(204).send(null);
    },
  );
};
