import { errors, uuidParam } from '@throughline/contracts';
import { buildClientBundle } from '@throughline/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderEndingSummaryPdf } from '../pdf/ending-summary-pdf';

/** The ending summary in the bundle is the same PDF the portal serves (issue 11's renderer). */
const renderSummaryPdf = {
  renderSummaryPdf: (summary: Parameters<typeof renderEndingSummaryPdf>[0]) =>
    renderEndingSummaryPdf(summary, summary.paper),
};

const FHIR_JSON = 'application/fhir+json';

function sendBundle(reply: FastifyReply, bundle: unknown, name: string): FastifyReply {
  return reply
    .header('content-type', `${FHIR_JSON}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(JSON.stringify(bundle));
}

/** The record travels with the client (issue 12): FHIR R4 exports of one client's record. */
export const recordExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/clients/:id/fhir',
    {
      config: { policy: 'client.fhir.export' },
      schema: {
        tags: ['record'],
        summary:
          "The client's record in the episodes you treat, as a FHIR R4 collection Bundle (psychotherapy notes are never included)",
        params: uuidParam,
        response: { 200: z.unknown().describe(FHIR_JSON), ...errors },
      },
    },
    async (request, reply) =>
      sendBundle(
        reply,
        await buildClientBundle(request.ctx, request.params.id, renderSummaryPdf),
        'record.fhir.json',
      ),
  );

  app.get(
    '/api/v1/portal/export.fhir.json',
    {
      config: { policy: 'portal.fhir.export' },
      schema: {
        tags: ['portal'],
        summary:
          'Your own record as a FHIR R4 collection Bundle (HIPAA 164.524); the download appears in your access report',
        response: { 200: z.unknown().describe(FHIR_JSON), ...errors },
      },
    },
    async (request, reply) =>
      sendBundle(
        reply,
        await buildClientBundle(request.ctx, 'self', renderSummaryPdf),
        'my-record.fhir.json',
      ),
  );
};
