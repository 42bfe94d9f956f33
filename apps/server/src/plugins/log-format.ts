import { isColorSupported, prettyFactory } from 'pino-pretty';

/**
 * How logs are written: `pretty`, one readable line each, for a person at a terminal; `json`,
 * one JSON object a line, for production log collectors. `LOG_FORMAT` chooses; without it a
 * terminal gets `pretty` and anything else (a pipe, a file, a service manager) gets `json`.
 */
export type LogFormat = 'pretty' | 'json';

export const LOG_FORMATS: readonly LogFormat[] = ['pretty', 'json'];

export function chooseLogFormat(requested: string | undefined, isTty: boolean): LogFormat {
  if (requested === undefined || requested === '') return isTty ? 'pretty' : 'json';
  const format = LOG_FORMATS.find((f) => f === requested.trim().toLowerCase());
  if (!format) throw new Error(`LOG_FORMAT must be "pretty" or "json", not "${requested}".`);
  return format;
}

type Logged = Record<string, unknown>;
type LoggedRequest = { method?: unknown; url?: unknown };

/** A request's line: `GET /api/v1/me 200 (3 ms)`; the URL was already redacted by the serializer. */
function describe(log: Logged, messageKey: string): string {
  const message = String(log[messageKey] ?? '');
  const req = log.req as LoggedRequest | undefined;
  const res = log.res as { statusCode?: unknown } | undefined;
  if (!req || typeof req.method !== 'string') return message;
  const target = `${req.method} ${String(req.url)}`;
  if (res && typeof res.statusCode === 'number') {
    const ms = typeof log.responseTime === 'number' ? ` (${Math.round(log.responseTime)} ms)` : '';
    return `${target} ${res.statusCode}${ms}`;
  }
  return message === 'incoming request' ? `${target} …` : `${message} (${target})`;
}

/**
 * A pino destination that turns each JSON line into a readable one. pino has already applied
 * the redaction paths and serializers by then, so what is hidden in JSON is hidden here too.
 * Written synchronously, so log lines and the start-up banner keep their order.
 */
export function prettyDestination(
  destination: NodeJS.WritableStream = process.stdout,
  colorize = destination === process.stdout && process.stdout.isTTY === true && isColorSupported,
): { write: (line: string) => void } {
  const pretty = prettyFactory({
    colorize,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId,req,res,responseTime',
    messageFormat: describe,
  });
  return { write: (line) => void destination.write(pretty(line)) };
}
