import { errors, problemSchema, roleSchema } from '@throughline/contracts';
import { acceptInvitation, MIN_PASSWORD_LENGTH, readInvitation } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const tokenParam = z.strictObject({ token: z.string().min(20).max(100) });

export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/invitations/:token',
    {
      config: { policy: 'invitation.read' },
      schema: {
        tags: ['auth'],
        summary: 'What an invitation link is for',
        params: tokenParam,
        response: {
          200: z.object({
            email: z.string(),
            displayName: z.string(),
            practiceName: z.string(),
            role: roleSchema,
            expiresAt: z.date(),
          }),
          ...errors,
        },
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
        params: tokenParam,
        body: z.strictObject({ password: z.string().min(MIN_PASSWORD_LENGTH).max(1024) }),
        response: { 204: z.null(), ...errors, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await acceptInvitation(request.ctx, request.params.token, request.body.password);
      return reply.code(204).send(null);
    },
  );
};
