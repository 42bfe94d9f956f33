import { type AppError, type RequestOrigin, recordAudit } from '@throughline/domain';
import type { FastifyRequest } from 'fastify';

/** Long enough for any real browser's; a longer header is cut rather than stored whole. */
const USER_AGENT_MAX = 512;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The client address (honouring THROUGHLINE_TRUST_PROXY through Fastify's `trustProxy`). */
export function requestOrigin(request: FastifyRequest): RequestOrigin {
  const agent = request.headers['user-agent'];
  return {
    address: request.ip || null,
    userAgent: typeof agent === 'string' && agent !== '' ? agent.slice(0, USER_AGENT_MAX) : null,
  };
}

/**
 * The record a route is about: the resource its `:id` names (`/episodes/:id/notes` → episode), or,
 * for routes without one, the subject of its policy action (`outbox.read` → outbox). Only an `:id`
 * that is a UUID is kept: other parameters (invitation and calendar-feed tokens) are secrets, and
 * a malformed id is the caller's text, not a record.
 */
export function routeResource(
  request: FastifyRequest,
  action: string,
): { resourceType: string; resourceId: string | null } {
  const url = request.routeOptions.url ?? '';
  const segments = url.split('/');
  const at = segments.indexOf(':id');
  const id = (request.params as Record<string, unknown> | undefined)?.id;
  if (at > 0 && typeof id === 'string') {
    const plural = segments[at - 1] ?? '';
    const resourceType = /[^s]s$/.test(plural) ? plural.slice(0, -1) : plural;
    return { resourceType, resourceId: UUID.test(id) ? id.toLowerCase() : null };
  }
  return { resourceType: action.split('.')[0] ?? action, resourceId: null };
}

/**
 * A refusal decided before any use-case ran (role, sign-in stage, CSRF): audited as `denied`
 * against the signed-in user, in their practice's chain. An anonymous caller has no practice to
 * chain to; see `logAnonymousRefusal`.
 */
export async function auditRefusal(
  request: FastifyRequest,
  action: string,
  error: AppError,
): Promise<void> {
  const ctx = request.ctx;
  if (ctx.actor.kind !== 'user') {
    logAnonymousRefusal(request, action, ctx.client ?? requestOrigin(request), error);
    return;
  }
  try {
    await recordAudit(ctx.services.db, ctx, {
      action,
      ...routeResource(request, action),
      outcome: 'denied',
      detail: { reason: error.code },
    });
  } catch (failure) {
    // The request is refused either way; a failed audit write must not turn it into a 500.
    request.log.error({ err: failure, action }, 'could not audit a refused request');
  }
}

/**
 * Anonymous refusals go to the log, not the database: there is no practice whose chain they belong
 * to, and a table any anonymous caller can grow is a storage attack. See docs/security.md.
 */
export function logAnonymousRefusal(
  request: FastifyRequest,
  action: string,
  client: RequestOrigin,
  error: AppError,
): void {
  request.log.info(
    {
      audit: 'denied',
      action,
      route: request.routeOptions.url,
      reason: error.code,
      address: client.address,
      userAgent: client.userAgent,
    },
    'refused an anonymous request',
  );
}
