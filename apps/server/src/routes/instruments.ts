import { scoreAnswers } from '@throughline/clinical';
import { AppError } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from './schemas';

/** Stateless scoring (CLINICAL.md §6): nothing is stored; any signed-in clinician may call it. */
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
        },
      },
    },
    async (request) => {
      const outcome = scoreAnswers(request.params.key, request.body.answers);
      if (outcome.ok) {
        const { instrument, total, band, flags, subscales, percentage } = outcome.result;
        return { instrument, total, band, flags, subscales, percentage };
      }
      if (outcome.reason === 'unknown-instrument')
        throw new AppError('NOT_FOUND', `No instrument "${request.params.key}" is available.`);
      const issues = outcome.issues.map((i) => ({
        path: `answers[${i.item - 1}]`,
        message: `Item ${i.item} ${i.message}.`,
      }));
      throw new AppError(
        'VALIDATION_FAILED',
        issues[0]?.message ?? 'The answers are not valid.',
        issues,
      );
    },
  );
};
