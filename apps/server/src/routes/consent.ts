import {
  clientConsentListSchema,
  consentDocumentListSchema,
  consentDocumentSchema,
  consentSignatureSchema,
  errors,
  portalConsentListSchema,
  problemSchema,
  publishConsentRequest,
  signConsentRequest,
  uuidParam,
} from '@throughline/contracts';
import {
  listClientConsents,
  listConsentDocuments,
  listPortalConsents,
  publishConsentDocument,
  signConsent,
  withdrawConsent,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const conflict = { 409: problemSchema };

/** Consent documents (administrator), signatures and withdrawals (client) — issue 10. */
export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/consent-documents',
    {
      config: { policy: 'consent.document.list' },
      schema: {
        tags: ['consent'],
        summary: "Every version of the practice's consent documents, newest version first",
        response: { 200: consentDocumentListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listConsentDocuments(request.ctx) }),
  );

  app.post(
    '/api/v1/consent-documents',
    {
      config: { policy: 'consent.document.publish' },
      schema: {
        tags: ['consent'],
        summary:
          'Publish a new version of a consent document; it supersedes the current one (signatures keep their version)',
        body: publishConsentRequest,
        response: { 201: consentDocumentSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await publishConsentDocument(request.ctx, request.body)),
  );

  app.get(
    '/api/v1/portal/consents',
    {
      config: { policy: 'consent.portal.list' },
      schema: {
        tags: ['portal'],
        summary: "The practice's current consent documents and the client's live signature of each",
        response: { 200: portalConsentListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listPortalConsents(request.ctx) }),
  );

  app.post(
    '/api/v1/portal/consents',
    {
      config: { policy: 'consent.sign' },
      schema: {
        tags: ['portal'],
        summary:
          'Sign the current version of a consent document with a typed name (409 when the version is not the current one)',
        body: signConsentRequest,
        response: { 201: consentSignatureSchema, ...errors, ...conflict },
      },
    },
    async (request, reply) => reply.code(201).send(await signConsent(request.ctx, request.body)),
  );

  app.post(
    '/api/v1/portal/consents/:id/withdraw',
    {
      config: { policy: 'consent.withdraw' },
      schema: {
        tags: ['portal'],
        summary: 'Withdraw a consent; it ends at once wherever it applies',
        params: uuidParam,
        response: { 200: consentSignatureSchema, ...errors, ...conflict },
      },
    },
    async (request) => withdrawConsent(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/clients/:id/consents',
    {
      config: { policy: 'consent.client.list' },
      schema: {
        tags: ['clients'],
        summary: "A client's consents, live and ended, with the version each signed",
        params: uuidParam,
        response: { 200: clientConsentListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listClientConsents(request.ctx, request.params.id) }),
  );
};
