import { ClinicalInputError } from '@throughline/clinical';
import type { Problem } from '@throughline/contracts';
import { AppError, type ErrorCode } from '@throughline/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The one mapping from domain error codes to HTTP (RFC 9457 problem details). */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  TWO_FACTOR_REQUIRED: 403,
  TWO_FACTOR_ENROLMENT_REQUIRED: 403,
  INVALID_TWO_FACTOR_CODE: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  CONFLICT: 409,
  INVITATION_INVALID: 404,
  SIGN_UP_CODE_UNKNOWN: 404,
  SIGN_UP_CODE_SPENT: 410,
  LINK_INVALID: 404,
  APPOINTMENT_CONFLICT: 409,
  APPOINTMENT_STATE_INVALID: 409,
  EPISODE_PHASE_INVALID: 409,
  EPISODE_PHASE_FORBIDS: 409,
  EPISODE_ALREADY_OPEN: 409,
  EPISODE_ENDING_REQUIRED: 409,
  ENDING_ALREADY_RECORDED: 409,
  ENDING_KIND_NOT_ALLOWED: 409,
  RETENTION_NOT_REACHED: 409,
  EPISODE_DESTROYED: 409,
  NOTE_SIGNED: 409,
  NOTE_NOT_SIGNED: 409,
  NOTE_VERSION_CONFLICT: 409,
  ALERT_ACKNOWLEDGED: 409,
  THREAD_CLOSED: 409,
  HOMEWORK_DONE: 409,
  MEASURE_TASK_CLOSED: 409,
  PLAN_NOT_CURRENT: 409,
  AGREEMENT_VERSION_SUPERSEDED: 409,
  AGREEMENT_ANSWERED: 409,
  CONSENT_VERSION_SUPERSEDED: 409,
  CONSENT_ENDED: 409,
  COVER_ENDED: 409,
  ENDING_PLAN_NOT_AGREED: 409,
  COPY_NOT_RELEASED: 409,
  RECORD_REQUEST_ANSWERED: 409,
  COPY_REVIEW_OFF: 409,
  CONTACT_AGREEMENT_REQUIRED: 409,
  CONTACT_CHANNEL_OFF: 409,
  DISCUSSION_ITEM_RESOLVED: 409,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  extra: Partial<Problem> = {},
): FastifyReply {
  const code = extra.code ?? TITLES[status]?.toLowerCase().replace(/ /g, '-') ?? 'error';
  const body: Problem = {
    type: `urn:throughline:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
    requestId: String(reply.request.id),
  };
  return reply.code(status).type('application/problem+json').send(body);
}

function fromFastifyError(error: FastifyError): { status: number; detail: string } | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, detail: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, detail: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, detail: 'Send the request body as application/json.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, detail: 'The Content-Length header does not match the body.' };
    default:
      if (error.statusCode === 429)
        return { status: 429, detail: 'Too many attempts. Wait a minute and try again.' };
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return { status: error.statusCode, detail: error.message };
      }
      return undefined;
  }
}

/** The SQLSTATE of a PostgreSQL error anywhere in the cause chain (drizzle wraps pg's error). */
function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in current) {
      return code;
    }
    current = current.cause;
  }
  return undefined;
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      const status = STATUS[error.code];
      return sendProblem(reply, status, error.message, {
        ...error.extra,
        code: error.code,
        ...(error.issues ? { errors: error.issues } : {}),
      });
    }
    // An impossible input to a clinical rule (NaN, a fractional session count…): the caller's.
    if (error instanceof ClinicalInputError) {
      return sendProblem(reply, 400, error.message, {
        code: 'VALIDATION_FAILED',
        errors: [{ path: error.field, message: error.message }],
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => {
        const where = `${error.validationContext ?? 'body'}${issue.instancePath.replace(/\//g, '.')}`;
        return { path: where, message: issue.message ?? 'is not valid' };
      });
      const first = errors[0];
      return sendProblem(
        reply,
        400,
        first ? `${first.path}: ${first.message}` : 'The request is not valid.',
        { code: 'VALIDATION_FAILED', errors },
      );
    }
    const known = fromFastifyError(error);
    if (known) return sendProblem(reply, known.status, known.detail);
    // Safety net: PostgreSQL class 22 (data exception: 22P02 invalid text representation, 22021
    // character not in repertoire, 22003 numeric out of range, …) means a value from the request
    // got past validation. It is the caller's input, so 400; logged (without values) to be fixed.
    if (sqlState(error)?.startsWith('22')) {
      request.log.warn({ err: error }, 'request value refused by the database');
      return sendProblem(
        reply,
        400,
        'A value in the request cannot be stored: it has a character, number or date outside what is accepted. Check the fields and try again.',
        { code: 'VALIDATION_FAILED' },
      );
    }
    // Unexpected: log it (without bodies) and show nothing internal.
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      500,
      'Something went wrong on our side. It has been logged; please try again.',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      404,
      `There is no ${request.method} ${request.url.split('?')[0]} in this API.`,
    ),
  );
}
