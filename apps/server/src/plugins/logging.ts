import type { FastifyServerOptions } from 'fastify';
import { redactUrl, serializeError } from './log-serializers';

/**
 * Logs never hold secrets or clinical content: credentials, cookies and free-text fields are
 * redacted, tokens in URLs (invitation and password-reset links, calendar feeds) are masked, query strings dropped,
 * and database errors lose their statement parameters (see log-serializers.ts).
 */
export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.code',
        '*.secret',
        '*.text',
        '*.body',
        '*.note',
        '*.answers',
        '*.params',
        '*.query',
        '*.detail',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
      }),
      err: (error: unknown) => serializeError(error),
    },
  };
}
