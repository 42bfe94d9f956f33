import { AppError } from '@throughline/domain';
import type { FastifyInstance } from 'fastify';

const NUL = '\u0000';

/** The path (`body.location`, `querystring.cursor`) of the first string or key holding NUL. */
function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  if (Buffer.isBuffer(value)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findNul(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) return path;
    const found = findNul(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses the NUL character (U+0000) in every request field, in one place for every route:
 * PostgreSQL text cannot hold it (SQLSTATE 22021), so it used to surface as a 500, and no person
 * types it. Runs before schema validation, so the problem names the field like a schema error.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const path =
      findNul(request.params, 'params') ??
      findNul(request.query, 'querystring') ??
      findNul(request.body, 'body');
    if (path) {
      const message = 'must not contain the NUL character (U+0000).';
      throw new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
    }
  });
}
