import { errors, problemSchema } from '@throughline/contracts';
import { scoreInstrument } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Stateless scoring (CLINICAL.md §6): nothing is stored; any signed-in clinician may call it, for
 * the instruments their practice has switched on.
 */
export const instrumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/instruments/:key/score',
    {
      config: { policy: 'instrument.score' },
      schema: {
        tags: ['instruments'],
        summary: 'Score a completed questionnaire (stateless)',
        params: z.strictObject({ key: z.string().max(64) }),
        body: z.strictObject({
          // Nulls are let through so the clinical core can name the missing item.
          answers: z.array(z.number().nullable()).max(100).describe('Answers in item order'),
        }),
        response: {
          200: z.object({
            instrument: z.string(),
            total: z.number(),
            band: z.string().nullable(),
            flags: z.array(z.string()),
            subscales: z.record(z.string(), z.number()),
            percentage: z.number().optional(),
          }),
          ...errors,
          409: problemSchema.describe('The instrument is switched off for this practice'),
        },
      },
    },
    async (request) => {
      const { instrument, total, band, flags, subscales, percentage } = await scoreInstrument(
        request.ctx,
        request.params.key,
        request.body.answers,
      );
      return { instrument, total, band, flags, subscales, percentage };
    },
  );
};
