import {
  endingSummaryPdfQuery,
  endingSummarySchema,
  errors,
  problemSchema,
  shareEndingSummaryRequest,
  updateEndingSummaryRequest,
  uuidParam,
} from '@throughline/contracts';
import { readEndingSummary, shareEndingSummary, updateEndingSummary } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderEndingSummaryPdf } from '../pdf/ending-summary-pdf';

const conflict = { 409: problemSchema };

/** The ending summary (issue 11): the therapist drafts, edits and shares; the client reads. */
export const endingSummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/ending-summary',
    {
      config: { policy: 'ending-summary.read' },
      schema: {
        tags: ['ending'],
        summary:
          'The ending summary: for the therapist the newest version (a draft from the record until one is saved), for the client the version shared with them',
        params: uuidParam,
        response: { 200: endingSummarySchema, ...errors, ...conflict },
      },
    },
    async (request) => readEndingSummary(request.ctx, request.params.id),
  );

  app.put(
    '/api/v1/episodes/:id/ending-summary',
    {
      config: { policy: 'ending-summary.update' },
      schema: {
        tags: ['ending'],
        summary:
          'Save the therapist’s words as a new version (send the version you edited as expectedVersion; a newer one → 409)',
        params: uuidParam,
        body: updateEndingSummaryRequest,
        response: { 200: endingSummarySchema, ...errors, ...conflict },
      },
    },
    async (request) => updateEndingSummary(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/v1/episodes/:id/ending-summary/share',
    {
      config: { policy: 'ending-summary.share' },
      schema: {
        tags: ['ending'],
        summary: 'Share the version you read with the client (portal page and PDF)',
        params: uuidParam,
        body: shareEndingSummaryRequest,
        response: { 200: endingSummarySchema, ...errors, ...conflict },
      },
    },
    async (request) => shareEndingSummary(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/v1/episodes/:id/ending-summary.pdf',
    {
      config: { policy: 'ending-summary.read' },
      schema: {
        tags: ['ending'],
        summary:
          "The ending summary as a PDF (fonts embedded; A4 or Letter by the practice's locale, or ?paper=)",
        params: uuidParam,
        querystring: endingSummaryPdfQuery,
        response: { 200: z.unknown().describe('application/pdf'), ...errors, ...conflict },
      },
    },
    async (request, reply) => {
      const summary = await readEndingSummary(request.ctx, request.params.id);
      const pdf = await renderEndingSummaryPdf(summary, request.query.paper ?? summary.paper);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="ending-summary.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
