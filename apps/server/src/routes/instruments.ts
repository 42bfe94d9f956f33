import {
  errors,
  instrumentKeyParam,
  instrumentScoreSchema,
  problemSchema,
  scoreInstrumentRequest,
} from '@throughline/contracts';
import { scoreInstrument } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

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
        params: instrumentKeyParam,
        body: scoreInstrumentRequest,
        response: {
          200: instrumentScoreSchema,
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
