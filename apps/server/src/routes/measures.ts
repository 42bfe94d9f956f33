import { crisisResourcesSchema, errors, problemSchema, uuidParam } from '@throughline/contracts';
import {
  acknowledgeAlert,
  listCaseloadAlerts,
  listEpisodeAlerts,
  listScores,
  readOutcome,
  readPortalProgress,
  recordResponse,
  shareProgress,
  unshareProgress,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const response = z.object({
  id: z.uuid(),
  instrument: z.string(),
  instrumentVersion: z.string(),
  total: z.number(),
  band: z.string().nullable(),
  flags: z.array(z.string()),
  subscales: z.record(z.string(), z.number()),
  percentage: z.number().optional(),
  completedAt: z.date(),
  sessionNumber: z.number().int(),
  onBehalf: z.boolean().describe("Entered by the therapist on the client's behalf"),
});

export const alert = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  responseId: z.uuid().nullable(),
  kind: z.enum([
    'risk-item',
    'reliable-deterioration',
    'not-on-track',
    'alliance-drop',
    'risk-language',
  ]),
  severity: z.enum(['urgent', 'warning']),
  rule: z.string(),
  ruleVersion: z.string(),
  inputs: z.record(z.string(), z.unknown()).describe('The numbers the rule saw'),
  source: z.string().describe('Where the rule comes from'),
  explanation: z.string().describe('Which rule fired, with which numbers, in one sentence'),
  createdAt: z.date(),
  acknowledgedAt: z.date().nullable(),
});

export const crisisResources = crisisResourcesSchema;

const category = z.enum(['recovered', 'improved', 'no-reliable-change', 'deteriorated']);

const scores = z.object({
  instrument: z.string(),
  title: z.string(),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  bands: z.array(
    z.object({
      label: z.string(),
      on: z.enum(['total', 'percentage']),
      min: z.number().nullable(),
      max: z.number().nullable(),
    }),
  ),
  cutoff: z.object({ value: z.number(), case: z.enum(['at-least', 'below']) }).nullable(),
  reliableChange: z.object({ value: z.number(), on: z.enum(['total', 'percentage']) }).nullable(),
  series: z.array(
    z.object({
      responseId: z.uuid(),
      completedAt: z.date(),
      sessionNumber: z.number().int(),
      total: z.number(),
      percentage: z.number().optional(),
      band: z.string().nullable(),
      flags: z.array(z.string()),
    }),
  ),
  first: z.number(),
  last: z.number(),
  changeSinceFirst: z.number(),
  changeSinceLast: z.number().nullable(),
  category: category.nullable(),
});

const outcome = z.object({
  eligible: z.boolean(),
  provisional: z
    .boolean()
    .describe(
      'True while the episode has not ended (not yet in aftercare or closed); reports of finished treatment use ended episodes only',
    ),
  reason: z.string().optional().describe('Why the episode is excluded (not-eligible)'),
  caseness: z.object({ start: z.boolean(), end: z.boolean() }),
  recovered: z.boolean().nullable().describe('Null when not a case at the start'),
  reliableImprovement: z.boolean(),
  reliableDeterioration: z.boolean(),
  reliableRecovery: z.boolean().nullable().describe('Null when not a case at the start'),
  instruments: z.array(
    z.object({
      instrument: z.string(),
      first: z.number(),
      last: z.number(),
      change: z.number(),
      category: category.nullable(),
      reliableChange: z
        .number()
        .nullable()
        .describe('The reliable-change value used (PCL-5: the practice setting, 5–10)'),
      rule: z.string().nullable().describe('How the category was decided, with its source'),
    }),
  ),
  attendedSessions: z.number().int().describe('Every attended session, assessments included'),
  attendedTreatmentSessions: z
    .number()
    .int()
    .describe('Attended sessions not marked as an assessment: what finished treatment counts'),
  rule: z.string(),
  version: z.string(),
});

const sharing = z.object({
  episodeId: z.uuid(),
  shared: z
    .union([z.literal('all'), z.array(z.string())])
    .nullable()
    .describe('What the client sees: all instruments, the listed ones, or nothing (null)'),
});

const progressPoint = z.object({
  score: z.number(),
  band: z.string().nullable().describe('In plain words; never a diagnosis'),
  at: z.date(),
});

const portalProgress = z.object({
  instrument: z.string(),
  title: z.string(),
  first: progressPoint,
  latest: progressPoint,
  sentence: z.string().describe('A calm, non-diagnostic summary of the change'),
});

/** Questionnaire responses, scores and change, the episode outcome, and alerts (issue 4). */
export const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/episodes/:id/responses',
    {
      config: { policy: 'response.create' },
      schema: {
        tags: ['measures'],
        summary:
          "Store a completed questionnaire (a therapist's entry is marked as on the client's behalf); returns its score, any alerts and, after a risk item, crisis resources",
        params: uuidParam,
        body: z.strictObject({
          instrument: z.string().min(1).max(64),
          // Nulls are let through so the clinical core can name the missing item.
          answers: z.array(z.number().nullable()).max(100).describe('Answers in item order'),
          appointmentId: z.uuid().optional(),
          completedAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: {
          201: z.object({
            response,
            alerts: z.array(alert),
            crisisResources: crisisResources.nullable(),
          }),
          ...errors,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { completedAt, appointmentId, ...rest } = request.body;
      const recorded = await recordResponse(request.ctx, {
        episodeId: request.params.id,
        ...rest,
        ...(appointmentId ? { appointmentId } : {}),
        ...(completedAt ? { completedAt: new Date(completedAt) } : {}),
      });
      return reply.code(201).send(recorded);
    },
  );

  app.get(
    '/api/v1/episodes/:id/scores',
    {
      config: { policy: 'score.list' },
      schema: {
        tags: ['measures'],
        summary:
          'Scores of the episode per instrument, with bands, cut-off and change (chart data)',
        params: uuidParam,
        querystring: z.strictObject({ instrument: z.string().max(64).optional() }),
        response: { 200: z.object({ instruments: z.array(scores) }), ...errors },
      },
    },
    async (request) =>
      listScores(request.ctx, request.params.id, { instrument: request.query.instrument }),
  );

  app.get(
    '/api/v1/episodes/:id/outcome',
    {
      config: { policy: 'outcome.read' },
      schema: {
        tags: ['measures'],
        summary: 'The episode outcome (NHS Talking Therapies convention, PHQ-9 with GAD-7)',
        params: uuidParam,
        response: { 200: outcome, ...errors },
      },
    },
    async (request) => readOutcome(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/episodes/:id/alerts',
    {
      config: { policy: 'alert.list' },
      schema: {
        tags: ['measures'],
        summary: 'Alerts of the episode, urgent first',
        params: uuidParam,
        querystring: z.strictObject({ status: z.enum(['open', 'all']).default('open') }),
        response: { 200: z.object({ items: z.array(alert) }), ...errors },
      },
    },
    async (request) => ({
      items: await listEpisodeAlerts(request.ctx, request.params.id, request.query.status),
    }),
  );

  app.get(
    '/api/v1/alerts',
    {
      config: { policy: 'alert.caseload' },
      schema: {
        tags: ['measures'],
        summary: 'Your open alerts across your caseload, urgent first',
        response: {
          200: z.object({
            items: z.array(alert.extend({ clientId: z.uuid(), displayName: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({ items: await listCaseloadAlerts(request.ctx) }),
  );

  app.post(
    '/api/v1/alerts/:id/acknowledge',
    {
      config: { policy: 'alert.acknowledge' },
      schema: {
        tags: ['measures'],
        summary: 'Acknowledge an alert, with an optional note (once)',
        params: uuidParam,
        body: z.strictObject({ note: z.string().max(4000).optional() }).optional(),
        response: {
          200: alert.extend({ note: z.string().nullable() }),
          ...errors,
          409: problemSchema,
        },
      },
    },
    async (request) => acknowledgeAlert(request.ctx, request.params.id, request.body ?? {}),
  );

  app.post(
    '/api/v1/episodes/:id/progress/share',
    {
      config: { policy: 'progress.share' },
      schema: {
        tags: ['measures'],
        summary:
          'Share the progress of the episode with the client in plain words (the listed instruments, or all)',
        params: uuidParam,
        body: z
          .strictObject({ instruments: z.array(z.string().min(1).max(64)).max(20).optional() })
          .optional(),
        response: { 200: sharing, ...errors },
      },
    },
    async (request) =>
      shareProgress(request.ctx, request.params.id, {
        instruments: request.body?.instruments,
      }),
  );

  app.post(
    '/api/v1/episodes/:id/progress/unshare',
    {
      config: { policy: 'progress.unshare' },
      schema: {
        tags: ['measures'],
        summary: 'Stop sharing the progress of the episode with the client',
        params: uuidParam,
        response: { 200: sharing, ...errors },
      },
    },
    async (request) => unshareProgress(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/portal/progress',
    {
      config: { policy: 'portal.read' },
      schema: {
        tags: ['portal'],
        summary: 'Your progress, in plain words, for what your therapist has shared with you',
        response: { 200: z.object({ items: z.array(portalProgress) }), ...errors },
      },
    },
    async (request) => readPortalProgress(request.ctx),
  );
};
