import { clientGoalSchema, errors, roleSchema } from '@throughline/contracts';
import { readMe, readPortalHome } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/me',
    {
      config: { policy: 'me.read' },
      schema: {
        tags: ['me'],
        summary: 'Who the caller is',
        response: {
          200: z.object({
            userId: z.uuid(),
            practiceId: z.uuid(),
            practiceName: z.string(),
            role: roleSchema,
            email: z.string(),
            displayName: z.string(),
            twoFactorEnabled: z.boolean(),
            twoFactorVerified: z.boolean(),
          }),
          ...errors,
        },
      },
    },
    async (request) => readMe(request.ctx),
  );

  app.get(
    '/api/v1/portal',
    {
      config: { policy: 'portal.read' },
      schema: {
        tags: ['portal'],
        summary: "The client's portal home",
        response: {
          200: z.object({
            displayName: z.string(),
            practiceName: z.string(),
            therapist: z.object({ displayName: z.string() }).nullable(),
            nextSessions: z.array(
              z.object({
                id: z.uuid(),
                startsAt: z.date(),
                endsAt: z.date(),
                localStart: z.string().describe("Local start in the client's time zone, ISO 8601"),
                timeZone: z.string(),
                modality: z.enum(['in-person', 'video', 'phone']),
              }),
            ),
            homework: z.array(
              z.object({
                id: z.uuid(),
                title: z.string(),
                instructions: z.string(),
                dueOn: z.string().nullable(),
                status: z.enum(['assigned', 'done']),
                link: z.string().nullable(),
                attachment: z.object({ id: z.uuid(), fileName: z.string() }).nullable(),
                clientComment: z.string().nullable(),
              }),
            ),
            preferences: z.object({
              timeZone: z.string(),
              safeContact: z.object({
                mayEmail: z.boolean(),
                emailMayIncludeDetails: z.boolean(),
                remindersEnabled: z.boolean(),
              }),
            }),
            goals: z
              .array(clientGoalSchema)
              .describe('Goals of the plan last shared with you, with your latest rating'),
          }),
          ...errors,
        },
      },
    },
    async (request) => readPortalHome(request.ctx),
  );
};
