import {
  acknowledgeAlertRequest,
  acknowledgedAlertSchema,
  alertListSchema,
  alertsQuery,
  caseloadAlertListSchema,
  errors,
  outcomeSchema,
  portalProgressSchema,
  problemSchema,
  progressSharingSchema,
  progressSharingStateSchema,
  recordedResponseSchema,
  recordResponseRequest,
  scoresQuery,
  scoresSchema,
  shareProgressRequest,
  uuidParam,
} from '@throughline/contracts';
import {
  acknowledgeAlert,
  listCaseloadAlerts,
  listEpisodeAlerts,
  listScores,
  readOutcome,
  readPortalProgress,
  readProgressSharing,
  recordResponse,
  shareProgress,
  unshareProgress,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

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
        body: recordResponseRequest,
        response: { 201: recordedResponseSchema, ...errors, 409: problemSchema },
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
        querystring: scoresQuery,
        response: { 200: scoresSchema, ...errors },
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
        response: { 200: outcomeSchema, ...errors },
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
        querystring: alertsQuery,
        response: { 200: alertListSchema, ...errors },
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
        response: { 200: caseloadAlertListSchema, ...errors },
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
        body: acknowledgeAlertRequest,
        response: { 200: acknowledgedAlertSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => acknowledgeAlert(request.ctx, request.params.id, request.body ?? {}),
  );

  app.get(
    '/api/v1/episodes/:id/progress/sharing',
    {
      config: { policy: 'progress.sharing.read' },
      schema: {
        tags: ['measures'],
        summary:
          'Whether the progress of the episode is shared with the client, since when, and which questionnaires sharing would show',
        params: uuidParam,
        response: { 200: progressSharingStateSchema, ...errors },
      },
    },
    async (request) => readProgressSharing(request.ctx, request.params.id),
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
        body: shareProgressRequest,
        response: { 200: progressSharingSchema, ...errors },
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
        response: { 200: progressSharingSchema, ...errors },
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
        response: { 200: portalProgressSchema, ...errors },
      },
    },
    async (request) => readPortalProgress(request.ctx),
  );
};
