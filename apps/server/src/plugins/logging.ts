import { type FastifyServerOptions, LogController } from 'fastify';
import { type LogFormat, prettyDestination } from './log-format';
import { redactUrl, serializeError } from './log-serializers';

type Level = 'debug' | 'info';

/**
 * Fastify's per-request lines at a chosen level: `debug` at a terminal, so the start-up banner
 * and its demo sign-ins do not scroll away (LOG_LEVEL=debug shows them), `info` in JSON.
 * The finished line names the request too, so one line says what was asked and answered.
 */
class RequestLines extends LogController {
  constructor(private readonly level: Level) {
    super();
  }

  override incomingRequest(request: Parameters<LogController['incomingRequest']>[0]): void {
    request.log[this.level]({ req: request }, 'incoming request');
  }

  override requestCompleted(
    ...[error, request, reply]: Parameters<LogController['requestCompleted']>
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    reply.log[this.level](
      { req: request, res: reply, responseTime: reply.elapsedTime },
      'request completed',
    );
  }
}

export type LogSettings = {
  level: string;
  /** Default `json`; `start` chooses by LOG_FORMAT and whether stdout is a terminal. */
  format?: LogFormat;
  /** Where logs go (default stdout); tests capture them to check redaction. */
  stream?: NodeJS.WritableStream;
};

/**
 * Logs never hold secrets or clinical content: credentials, cookies and free-text fields are
 * redacted, tokens in URLs (invitation and password-reset links, calendar feeds) are masked, query strings dropped,
 * and database errors lose their statement parameters (see log-serializers.ts). The rules apply
 * before formatting, so both formats hide the same things.
 */
export function loggerOptions({ level, format = 'json', stream }: LogSettings): {
  logger: FastifyServerOptions['logger'];
  logController: LogController;
} {
  const destination = format === 'pretty' ? prettyDestination(stream) : stream;
  return {
    logController: new RequestLines(format === 'pretty' ? 'debug' : 'info'),
    logger: {
      level,
      ...(destination ? { stream: destination } : {}),
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
    },
  };
}
