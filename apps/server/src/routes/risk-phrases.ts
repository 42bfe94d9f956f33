import {
  errors,
  problemSchema,
  riskPhrasesSchema,
  saveRiskPhrasesRequest,
} from '@throughline/contracts';
import { getRiskPhrases, saveRiskPhrases } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The practice's risk-language phrase lists (issue 10; docs/boundaries.md). */
export const riskPhraseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/risk-phrases',
    {
      config: { policy: 'risk-phrases.read' },
      schema: {
        tags: ['contact'],
        summary:
          "The risk-language phrase lists: the shipped ones, the practice's changes and the lists the screen uses",
        response: { 200: riskPhrasesSchema, ...errors },
      },
    },
    async (request) => getRiskPhrases(request.ctx),
  );

  app.put(
    '/api/v1/risk-phrases',
    {
      config: { policy: 'risk-phrases.update' },
      schema: {
        tags: ['contact'],
        summary:
          "Save the practice's change of the phrase lists (added phrases and languages, shipped phrases switched off): a new version",
        body: saveRiskPhrasesRequest,
        response: { 200: riskPhrasesSchema, 409: problemSchema, ...errors },
      },
    },
    async (request) => saveRiskPhrases(request.ctx, request.body),
  );
};
