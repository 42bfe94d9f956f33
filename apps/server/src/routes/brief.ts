import { errors, uuidParam } from '@throughline/contracts';
import { readBrief } from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alert } from './measures';

const phase = z.enum(['intake', 'active', 'ending', 'aftercare', 'closed']);

/** The brief's sections beyond the core ones; a new section adds its shape here. */
const sections = z.object({
  measures: z
    .array(
      z.object({
        instrument: z.string(),
        title: z.string(),
        last: z.number(),
        band: z.string().nullable(),
        lastAt: z.date(),
        changeSinceLast: z.number().nullable(),
        changeSinceFirst: z.number(),
        category: z
          .enum(['recovered', 'improved', 'no-reliable-change', 'deteriorated'])
          .nullable(),
      }),
    )
    .optional()
    .describe('Per instrument: latest score, band and change since last and first'),
  alerts: z.array(alert).optional().describe('Open alerts, urgent first'),
  toDiscuss: z
    .array(
      z.object({
        id: z.uuid(),
        episodeId: z.uuid(),
        text: z.string(),
        source: z.object({ kind: z.enum(['alert', 'review', 'manual']), id: z.uuid().nullable() }),
        createdAt: z.date(),
        resolvedAt: z.date().nullable(),
      }),
    )
    .optional()
    .describe('Open "to discuss next session" items'),
  goals: z
    .array(
      z.object({
        id: z.uuid(),
        clientWords: z.string(),
        therapistWords: z.string(),
        latestReview: z.object({ level: z.number().int(), reviewedAt: z.date() }).nullable(),
        latestClientRating: z
          .object({ level: z.number().int(), comment: z.string().nullable(), ratedAt: z.date() })
          .nullable(),
      }),
    )
    .optional()
    .describe('Active goals with the latest review level and client rating'),
  milestones: z
    .array(
      z.object({
        kind: z.enum(['review-due', 'planned-ending', 'episode-anniversary']),
        at: z.date().nullable(),
        detail: z.string(),
      }),
    )
    .optional(),
});

export const briefSchema = z.object({
  episode: z.object({
    id: z.uuid(),
    phase,
    title: z.string(),
    openedAt: z.date(),
    previousEpisodeId: z.uuid().nullable(),
  }),
  client: z.object({
    id: z.uuid(),
    displayName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
    timeZone: z.string(),
  }),
  appointment: z
    .object({
      id: z.uuid(),
      startsAt: z.date(),
      endsAt: z.date(),
      localStart: z.string().describe("Local start in the practice's time zone, ISO 8601"),
      timeZone: z.string(),
    })
    .nullable(),
  daysSinceLastSession: z.number().int().nullable(),
  lastSession: z
    .object({
      appointmentId: z.uuid().nullable(),
      startsAt: z.date().nullable(),
      noteId: z.uuid().nullable().describe('The latest signed note of the episode'),
      noteStatus: z.enum(['signed', 'draft', 'none']).describe('Status of the latest note'),
      planForNext: z.string().nullable(),
      unsignedNoteId: z.uuid().nullable().describe('Set when the latest note is still a draft'),
    })
    .nullable(),
  openThreads: z.array(z.object({ id: z.uuid(), title: z.string(), openedAt: z.date() })),
  homework: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.enum(['assigned', 'done']),
      dueOn: z.string().nullable(),
      completedAt: z.date().nullable(),
      clientComment: z.string().nullable(),
    }),
  ),
  sections: sections.describe(
    'Further sections; a section with nothing to show, or not available yet, is absent',
  ),
});

export const briefRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/brief',
    {
      config: { policy: 'brief.read' },
      schema: {
        tags: ['brief'],
        summary:
          'The pre-session brief for a session of the episode (default: the next scheduled one)',
        params: uuidParam,
        querystring: z.strictObject({ appointment: z.uuid().optional() }),
        response: { 200: briefSchema, ...errors },
      },
    },
    async (request) =>
      readBrief(request.ctx, {
        episodeId: request.params.id,
        appointmentId: request.query.appointment,
      }),
  );
};
