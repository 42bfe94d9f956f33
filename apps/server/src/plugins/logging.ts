import type { FastifyServerOptions } from 'fastify';

/**
 * Logs never hold secrets or clinical content: credentials, cookies and free-text fields are
 * redacted, and tokens in URLs (invitation links) are masked.
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
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.replace(/(\/invitations\/)[^/?]+/, '$1[redacted]').replace(/\?.*$/, ''),
      }),
    },
  };
}
