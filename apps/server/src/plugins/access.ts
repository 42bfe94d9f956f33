import { createHash } from 'node:crypto';
import {
  type AccessContext,
  type Action,
  type Actor,
  ANONYMOUS,
  AppError,
  actorFromApiToken,
  actorFromSession,
  authorize,
  isAction,
  type Services,
} from '@throughline/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditRefusal, logAnonymousRefusal, requestOrigin } from './refusals';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs. A route without one refuses every request. */
    policy?: Action;
  }
  interface FastifyRequest {
    ctx: AccessContext;
  }
}

export const SESSION_COOKIE = 'tl_session';
export const CSRF_COOKIE = 'tl_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Who is asking. A session whose change lacks the CSRF header still names its user, so the
 * refusal can be audited against them: `csrfRefused` says so.
 */
async function resolveActor(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ actor: Actor; csrfRefused?: AppError }> {
  // Other schemes (e.g. Basic from a reverse proxy) are not ours to judge; a Bearer token is.
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (request.headers.authorization && /^Bearer\b/i.test(request.headers.authorization)) {
    const actor = bearer ? await actorFromApiToken(services, bearer) : undefined;
    if (!actor) {
      throw new AppError(
        'UNAUTHENTICATED',
        'The bearer token is not valid: it may have expired or been revoked.',
      );
    }
    return { actor };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return { actor: ANONYMOUS };
  const resolved = await actorFromSession(services, cookie);
  if (!resolved) {
    clearSessionCookies(reply);
    return { actor: ANONYMOUS };
  }
  if (!SAFE_METHODS.has(request.method)) {
    // Double-submit: a cross-site form cannot read our cookie to copy it into the header.
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || sha256(sent) !== resolved.csrfTokenHash) {
      const csrfRefused = new AppError(
        'CSRF_TOKEN_INVALID',
        `Send the value of the ${CSRF_COOKIE} cookie in the ${CSRF_HEADER} header with every change.`,
      );
      return { actor: resolved.actor, csrfRefused };
    }
  }
  return { actor: resolved.actor };
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/**
 * Decides every request from (actor, the route's policy action) before its body is read.
 * Routes that declare no policy are refused: default deny.
 */
export function registerAccess(app: FastifyInstance, services: Services): void {
  app.decorateRequest('ctx', null as unknown as AccessContext);
  app.addHook('onRequest', async (request, reply) => {
    const policy = request.routeOptions.config.policy;
    if (!isAction(policy)) {
      if (request.is404) return; // the not-found handler answers
      const error = new AppError('FORBIDDEN', 'This route has no access policy and is closed.');
      logAnonymousRefusal(request, 'none', requestOrigin(request), error);
      throw error;
    }
    const client = requestOrigin(request);
    let resolved: Awaited<ReturnType<typeof resolveActor>>;
    try {
      resolved = await resolveActor(services, request, reply);
    } catch (error) {
      // A bearer token that is not valid: no user to hold to account.
      if (error instanceof AppError) logAnonymousRefusal(request, policy, client, error);
      throw error;
    }
    request.ctx = { actor: resolved.actor, requestId: String(request.id), services, client };
    try {
      if (resolved.csrfRefused) throw resolved.csrfRefused;
      authorize(resolved.actor, policy);
    } catch (error) {
      if (error instanceof AppError) await auditRefusal(request, policy, error);
      throw error;
    }
  });
}
