import { errors } from '@throughline/contracts';
import { readCaseload } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const caseloadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/caseload',
    {
      config: { policy: 'caseload.read' },
      schema: {
        tags: ['caseload'],
        summary: 'Your episodes that are not closed, by next session, with what needs attention',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                clientId: z.uuid(),
                displayName: z.string(),
                preferredName: z.string().nullable(),
                episodeId: z.uuid(),
                phase: z.enum(['intake', 'active', 'ending', 'aftercare']),
                nextSession: z.date().nullable(),
                lastContactAt: z.date().nullable().describe('Start of the last attended session'),
                daysSinceLastContact: z.number().int().nullable(),
                attention: z.array(
                  z.object({
                    kind: z.enum([
                      'unsigned-notes',
                      'homework-completed',
                      'no-next-session',
                      'overdue-homework',
                      'urgent-alerts',
                      'alerts',
                    ]),
                    count: z.number().int(),
                  }),
                ),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => readCaseload(request.ctx),
  );
};
