import {
  errors,
  problemSchema,
  RECORD_IMPORT_MAX_BYTES,
  recordImportResultSchema,
} from '@throughline/contracts';
import { importClientBundle } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Moving a relationship in (issue 12): one client's FHIR R4 bundle, as this project exports it,
 * imported into the calling therapist's caseload, all or nothing.
 */
export const recordImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // Scoped to this plugin: FHIR's own media type, read by the same JSON parser (a malformed body
  // is the app's 400 "not valid JSON").
  app.addContentTypeParser(
    'application/fhir+json',
    { parseAs: 'string', bodyLimit: RECORD_IMPORT_MAX_BYTES },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.post(
    '/api/v1/clients/import.fhir',
    {
      config: { policy: 'client.fhir.import' },
      bodyLimit: RECORD_IMPORT_MAX_BYTES,
      schema: {
        tags: ['record'],
        summary:
          'Import one client’s record (a FHIR R4 collection Bundle as exported by GET /api/v1/clients/{id}/fhir) into your caseload, all or nothing',
        description:
          'Send the bundle as `application/fhir+json` or `application/json`, at most 20 MB. Restored: the client, episodes (linked across returns), sessions and completed questionnaires (re-scored here). Every other resource type is listed in `notImported` with the reason (docs/fhir.md, "Import"). A bundle that is not valid FHIR R4, refers to a resource it does not hold or is not a collection is refused (400) naming the entry and the field; a client whose e-mail is already in the practice is a 409.',
        consumes: ['application/fhir+json', 'application/json'],
        body: z.unknown().describe('A FHIR R4 Bundle of type collection'),
        response: {
          201: recordImportResultSchema,
          ...errors,
          409: problemSchema,
          413: problemSchema,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await importClientBundle(request.ctx, request.body)),
  );
};
