import { healthSchema, problemSchema } from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { policy: 'health.read' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: healthSchema, 503: problemSchema },
      },
    },
    async (request, reply) => {
      try {
        await request.ctx.services.db.execute(sql`SELECT 1`);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch {
        return reply.code(503).type('application/problem+json').send({
          type: 'urn:throughline:problem:unavailable',
          title: 'Unavailable',
          status: 503,
          detail: 'The database does not answer.',
        });
      }
    },
  );
};
