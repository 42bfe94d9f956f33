import fastifyMultipart from '@fastify/multipart';
import { ATTACHMENT_MAX_BYTES } from '@throughline/contracts';
import { AppError, fileTooLarge } from '@throughline/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Lets a plugin's routes (only its own) accept one file of at most the attachment limit. */
export async function acceptOneFile(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
  });
}

/** The one file part of a multipart upload, or a 4xx saying what is wrong with the request. */
export async function readOneFile(
  request: FastifyRequest,
): Promise<{ fileName: string; declaredType: string; bytes: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_FILE_TYPE',
      'Upload the file as multipart/form-data with one file part.',
    );
  }
  const part = await request.file();
  if (!part) {
    throw new AppError('VALIDATION_FAILED', 'The upload contains no file.', [
      { path: 'file', message: 'Attach one file.' },
    ]);
  }
  try {
    return { fileName: part.filename, declaredType: part.mimetype, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
    throw error;
  }
}

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
