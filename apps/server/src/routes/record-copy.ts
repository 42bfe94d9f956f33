import {
  defaultPaper,
  endingSummaryPdfQuery,
  errors,
  pendingRecordRequestListSchema,
  problemSchema,
  recordCopyStateSchema,
  recordRequestSchema,
  refuseRecordRequestBody,
  uuidParam,
} from '@throughline/contracts';
import {
  decideRecordRequest,
  listPendingRecordRequests,
  readOwnCopyState,
  readOwnRecordCopy,
  requestOwnCopy,
  reviewClientCopy,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderRecordCopyPdf } from '../pdf/record-copy-pdf';

const conflict = { 409: problemSchema };
const pdf = z.unknown().describe('application/pdf');

/** The client's own copy of their record (issue 12; HIPAA 164.524): docs/own-copy.md. */
export const recordCopyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/portal/record',
    {
      config: { policy: 'record-copy.state.read' },
      schema: {
        tags: ['portal'],
        summary:
          'Your copy of your record: whether you can download it now, and your latest request when the practice reviews copies first',
        response: { 200: recordCopyStateSchema, ...errors },
      },
    },
    async (request) => readOwnCopyState(request.ctx),
  );

  app.get(
    '/api/v1/portal/export.pdf',
    {
      config: { policy: 'record-copy.pdf' },
      schema: {
        tags: ['portal'],
        summary:
          "Download your record as a readable PDF (A4 or Letter by the practice's locale, or ?paper=). When the practice reviews copies first and yours is not released yet: 409 COPY_NOT_RELEASED saying where your request stands",
        querystring: endingSummaryPdfQuery,
        response: { 200: pdf, ...errors, ...conflict },
      },
    },
    async (request, reply) => {
      const copy = await readOwnRecordCopy(request.ctx);
      const body = await renderRecordCopyPdf(
        copy,
        request.query.paper ?? defaultPaper(copy.timeZone),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="my-record.pdf"')
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  app.post(
    '/api/v1/portal/record-requests',
    {
      config: { policy: 'record-request.create' },
      schema: {
        tags: ['portal'],
        summary:
          'Ask for a copy of your record when the practice reviews copies first (answered within 30 days); asking again while one waits returns it. 409 COPY_REVIEW_OFF when no review is needed',
        response: { 201: recordRequestSchema, ...errors, ...conflict },
      },
    },
    async (request, reply) => reply.status(201).send(await requestOwnCopy(request.ctx)),
  );

  app.get(
    '/api/v1/record-requests',
    {
      config: { policy: 'record-request.list' },
      schema: {
        tags: ['clients'],
        summary: "Your clients' requests for a copy of their record waiting for your review",
        response: { 200: pendingRecordRequestListSchema, ...errors },
      },
    },
    async (request) => listPendingRecordRequests(request.ctx),
  );

  app.post(
    '/api/v1/record-requests/:id/release',
    {
      config: { policy: 'record-request.release' },
      schema: {
        tags: ['clients'],
        summary: 'Release the copy: the client can download it for 30 days (409 once answered)',
        params: uuidParam,
        response: { 200: recordRequestSchema, ...errors, ...conflict },
      },
    },
    async (request) => decideRecordRequest(request.ctx, request.params.id, { status: 'released' }),
  );

  app.post(
    '/api/v1/record-requests/:id/refuse',
    {
      config: { policy: 'record-request.refuse' },
      schema: {
        tags: ['clients'],
        summary: 'Refuse the request, with a reason the client reads (409 once answered)',
        params: uuidParam,
        body: refuseRecordRequestBody,
        response: { 200: recordRequestSchema, ...errors, ...conflict },
      },
    },
    async (request) =>
      decideRecordRequest(request.ctx, request.params.id, {
        status: 'refused',
        reason: request.body.reason,
      }),
  );

  app.get(
    '/api/v1/clients/:id/record-copy.pdf',
    {
      config: { policy: 'record-copy.review' },
      schema: {
        tags: ['clients'],
        summary: 'The copy of the record the client would download, for your review (audited)',
        params: uuidParam,
        querystring: endingSummaryPdfQuery,
        response: { 200: pdf, ...errors },
      },
    },
    async (request, reply) => {
      const copy = await reviewClientCopy(request.ctx, request.params.id);
      const body = await renderRecordCopyPdf(
        copy,
        request.query.paper ?? defaultPaper(copy.timeZone),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="record-copy.pdf"')
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
