/**
 * What of a request and of an error may reach the log. Database errors carry the statement's
 * parameters (drizzle's "Failed query: … params: …" message, node-postgres's `detail`, e.g.
 * `Key (email)=(…) already exists`, and values quoted in the message): those are people's names,
 * e-mails and clinical text, so only the error's kind, code and schema names are kept.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Segments after these are secrets whatever they look like (invitation and password-reset links,
 * calendar feeds).
 */
const SECRET_AFTER = new Set(['invitations', 'reset-password', 'calendar']);
/** A bearer-like segment elsewhere (a future reset link, say): 20+ base64url characters. */
const TOKEN_SEGMENT = /^([A-Za-z0-9_-]{20,})(\.[a-z]{2,4})?$/;

/** The URL as it may be logged: no query string, no token-like path segments. */
export function redactUrl(url: string): string {
  const path = url.replace(/[?#].*$/s, '');
  return path
    .split('/')
    .map((segment, i, all) => {
      if (!segment || UUID.test(segment)) return segment;
      const extension = /\.[a-z]{2,4}$/.exec(segment)?.[0] ?? '';
      if (SECRET_AFTER.has(all[i - 1] ?? '')) return `[redacted]${extension}`;
      const token = TOKEN_SEGMENT.exec(segment);
      // Route words are lower-case with hyphens; a token has digits, capitals or underscores.
      if (token && !/^[a-z-]+$/.test(token[1] ?? '')) return `[redacted]${extension}`;
      return segment;
    })
    .join('/');
}

export type LoggedError = {
  type: string;
  message: string;
  stack: string;
  /** The error's code (a PostgreSQL SQLSTATE such as 22P02, or FST_…); `code` is redacted in logs. */
  errorCode?: string;
  statusCode?: number;
  /** PostgreSQL's description of where it failed: names from the schema, never values. */
  severity?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  statement?: string;
  cause?: LoggedError;
};

type AnyError = Error & Record<string, unknown>;

const isDrizzleQueryError = (error: AnyError): boolean =>
  'params' in error && 'query' in error && typeof error.query === 'string';

const isPostgresError = (error: AnyError): boolean =>
  typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) && 'severity' in error;

/** `insert into "clients"`, without columns or values: enough to find the failing statement. */
function statementKind(query: string): string | undefined {
  const verb = /^\s*(select|insert into|update|delete from|with)\b/i
    .exec(query)?.[1]
    ?.toLowerCase();
  if (!verb) return undefined;
  const table =
    verb === 'select' || verb === 'with'
      ? /\bfrom\s+"?(\w+)"?/i.exec(query)?.[1]
      : /^\s*\w+(?:\s+\w+)?\s+"?(\w+)"?/i.exec(query)?.[1];
  return table ? `${verb} "${table}"` : verb;
}

/** PostgreSQL quotes the offending value at the end of some messages (`…: "value"`). */
const scrubMessage = (message: string): string => message.replace(/: ".*"$/s, ': "[redacted]"');

function withStack(error: AnyError, header: string): string {
  if (typeof error.stack !== 'string') return header;
  const frames = error.stack.indexOf('\n    at ');
  return frames >= 0 ? `${header}${error.stack.slice(frames)}` : header;
}

/** pino's `err` serializer: kind, message and stack, with database values left out. */
export function serializeError(value: unknown, depth = 0): LoggedError {
  if (!(value instanceof Error)) {
    return { type: typeof value, message: '[not an Error]', stack: '' };
  }
  const error = value as AnyError;
  const type = error.constructor?.name ?? 'Error';
  const out: LoggedError = { type, message: '', stack: '' };
  if (isDrizzleQueryError(error)) {
    const statement = statementKind(String(error.query));
    out.message = 'Failed query (statement text and parameters are not logged)';
    if (statement) out.statement = statement;
  } else if (isPostgresError(error)) {
    out.message = scrubMessage(error.message);
    for (const key of ['severity', 'table', 'column', 'constraint', 'routine'] as const) {
      const field = error[key];
      if (typeof field === 'string') out[key] = field;
    }
  } else {
    out.message = /Failed query:|params:/.test(error.message)
      ? '[message withheld: it quoted a database statement]'
      : error.message;
  }
  out.stack = withStack(error, `${type}: ${out.message}`);
  if (typeof error.code === 'string') out.errorCode = error.code;
  if (typeof error.statusCode === 'number') out.statusCode = error.statusCode;
  if (error.cause !== undefined && depth < 5) out.cause = serializeError(error.cause, depth + 1);
  return out;
}
