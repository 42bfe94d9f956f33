import { calendarFeedSchema, calendarTokenParam, errors } from '@throughline/contracts';
import { issueCalendarFeed, readCalendarFeed, revokeCalendarFeed } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/calendar-feed',
    {
      config: { policy: 'calendar.feed.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'A new private iCalendar feed URL for your sessions (revokes your previous one)',
        description: 'The URL is the credential: it is shown once. Keep it private.',
        response: { 201: calendarFeedSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await issueCalendarFeed(request.ctx)),
  );

  app.delete(
    '/api/v1/calendar-feed',
    {
      config: { policy: 'calendar.feed.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Revoke your calendar feed URL',
        response: { 204: z.null().describe('Revoked'), ...errors },
      },
    },
    async (request, reply) => {
      await revokeCalendarFeed(request.ctx);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/calendar/:token.ics',
    {
      config: { policy: 'calendar.feed.read' },
      schema: {
        tags: ['calendar'],
        summary: 'The iCalendar feed behind a private token (no clinical content)',
        security: [],
        params: calendarTokenParam,
        response: { 200: z.string().describe('text/calendar'), ...errors },
      },
    },
    async (request, reply) => {
      const body = await readCalendarFeed(request.ctx, request.params.token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
