import type { FastifyInstance } from 'fastify';

/** Routes anyone may read that hold nothing personal: the API's own documentation. */
const PUBLIC_POLICIES = new Set(['docs.read']);

/**
 * Every API answer that is not public carries `Cache-Control: no-store`, errors included, so no
 * browser, proxy or shared-computer cache keeps clinical or personal data (HIPAA 164.312(a)(1);
 * OWASP ASVS 8.2.1). A route may set a stricter value of its own (`private, no-store`).
 */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) return payload;
    const policy = request.routeOptions.config?.policy;
    if (policy && PUBLIC_POLICIES.has(policy)) return payload;
    const current = reply.getHeader('cache-control');
    if (typeof current !== 'string' || !/\bno-store\b/.test(current)) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
