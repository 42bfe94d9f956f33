import fastifyMultipart from '@fastify/multipart';
import {
  errors,
  IMPORT_MAX_BYTES,
  importPreviewSchema,
  importQuery,
  importResultSchema,
  problemSchema,
} from '@throughline/contracts';
import { AppError, commitClientImport, previewClientImport } from '@throughline/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const tooLarge = (): AppError =>
  new AppError(
    'FILE_TOO_LARGE',
    `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files and import each.`,
  );

/** The CSV of a request: a `text/csv` body, or the one file part of a multipart upload. */
async function readCsv(request: FastifyRequest): Promise<Buffer> {
  if (Buffer.isBuffer(request.body)) return request.body;
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_FILE_TYPE',
      'Send the CSV file as multipart/form-data (one file part) or as a text/csv body.',
    );
  }
  const part = await request.file();
  if (!part) {
    throw new AppError('VALIDATION_FAILED', 'The upload contains no file.', [
      { path: 'file', message: 'Attach the CSV file.' },
    ]);
  }
  try {
    return await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
}

const DESCRIPTION =
  'The file is the client list another practice system exported: UTF-8 CSV with a header row. Recognised headers (case and punctuation ignored) are listed in docs/moving-in.md; other columns are not imported. Send it as multipart/form-data (one file part) or as a `text/csv` body, at most 2 MB and 2,000 rows.';

export const movingInRoutes: FastifyPluginAsyncZod = async (app) => {
  // Scoped to this plugin: its routes alone take multipart bodies and CSV, with the import limit.
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2, parts: 3 },
  });
  app.addContentTypeParser(
    'text/csv',
    // A little over the limit, so a file just too large is told so in words (parse-file.ts);
    // far larger bodies are cut off by Fastify (413 all the same).
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES + 64 * 1024 },
    (_request, body, done) => done(null, body),
  );
  const responses = { ...errors, 409: problemSchema, 413: problemSchema, 415: problemSchema };

  app.post(
    '/api/v1/clients/import/preview',
    {
      config: { policy: 'client.import.preview' },
      schema: {
        tags: ['clients'],
        summary:
          'Moving in, step one: what importing this CSV would create, row by row, and why any row is refused (nothing is written)',
        description: DESCRIPTION,
        consumes: ['multipart/form-data', 'text/csv'],
        querystring: importQuery,
        response: { 200: importPreviewSchema, ...responses },
      },
    },
    async (request) =>
      previewClientImport(request.ctx, {
        bytes: await readCsv(request),
        dateOrder: request.query.dateOrder,
      }),
  );

  app.post(
    '/api/v1/clients/import',
    {
      config: { policy: 'client.import' },
      schema: {
        tags: ['clients'],
        summary:
          'Moving in, step two: import the previewed CSV, all or nothing (confirm with the preview’s fileHash)',
        description: `${DESCRIPTION} The import is refused (400, each refused row named in \`errors\`) while any row is refused, and (409) when the file is not the one previewed. Imported clients are not invited.`,
        consumes: ['multipart/form-data', 'text/csv'],
        querystring: importQuery,
        response: { 201: importResultSchema, ...responses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await commitClientImport(request.ctx, {
          bytes: await readCsv(request),
          dateOrder: request.query.dateOrder,
          confirm: request.query.confirm,
        }),
      ),
  );
};
