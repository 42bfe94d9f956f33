import {
  createdMeasureTasksSchema,
  episodeMeasureTaskListSchema,
  errors,
  measurementPlanSchema,
  portalMeasureTaskListSchema,
  problemSchema,
  recordedResponseSchema,
  savedTaskProgressSchema,
  sendMeasureTaskRequest,
  sentMeasureTaskSchema,
  taskAnswersRequest,
  updateMeasurementPlanRequest,
  uuidParam,
} from '@throughline/contracts';
import {
  createTasksForAppointment,
  getMeasurementPlan,
  listEpisodeMeasureTasks,
  listPortalMeasureTasks,
  saveMeasureTaskProgress,
  sendMeasureTask,
  submitMeasureTask,
  updateMeasurementPlan,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const measureTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/measurement-plan',
    {
      config: { policy: 'measurement-plan.read' },
      schema: {
        tags: ['measures'],
        summary: 'Which questionnaires the episode uses and when (practice defaults on first read)',
        params: uuidParam,
        response: { 200: measurementPlanSchema, ...errors },
      },
    },
    async (request) => getMeasurementPlan(request.ctx, request.params.id),
  );

  app.put(
    '/api/v1/episodes/:id/measurement-plan',
    {
      config: { policy: 'measurement-plan.update' },
      schema: {
        tags: ['measures'],
        summary:
          'Replace the measurement plan (instruments left out are removed; an empty list pauses them all)',
        params: uuidParam,
        body: updateMeasurementPlanRequest,
        response: { 200: measurementPlanSchema, ...errors },
      },
    },
    async (request) => updateMeasurementPlan(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/v1/episodes/:id/measure-tasks',
    {
      config: { policy: 'measure-task.read' },
      schema: {
        tags: ['measures'],
        summary: 'The questionnaires sent in the episode, newest first, and whether each is done',
        params: uuidParam,
        response: { 200: episodeMeasureTaskListSchema, ...errors },
      },
    },
    async (request) => listEpisodeMeasureTasks(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/episodes/:id/measure-tasks',
    {
      config: { policy: 'measure-task.send' },
      schema: {
        tags: ['measures'],
        summary:
          'Send one questionnaire to the client now (one waiting request per questionnaire; e-mailed where their preferences allow)',
        params: uuidParam,
        body: sendMeasureTaskRequest,
        response: { 201: sentMeasureTaskSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sendMeasureTask(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/appointments/:id/measure-tasks',
    {
      config: { policy: 'measure-task.create' },
      schema: {
        tags: ['measures'],
        summary:
          'Send the questionnaires due before this session now (idempotent; the client is e-mailed once, where their preferences allow)',
        params: uuidParam,
        response: { 200: createdMeasureTasksSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => createTasksForAppointment(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/portal/measure-tasks',
    {
      config: { policy: 'measure-task.list' },
      schema: {
        tags: ['portal'],
        summary: 'Your questionnaires to complete, with any answers you saved',
        response: { 200: portalMeasureTaskListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listPortalMeasureTasks(request.ctx) }),
  );

  app.put(
    '/api/v1/portal/measure-tasks/:id/progress',
    {
      config: { policy: 'measure-task.save' },
      schema: {
        tags: ['portal'],
        summary: 'Save your answers so far (null for items not yet answered)',
        params: uuidParam,
        body: taskAnswersRequest,
        response: { 200: savedTaskProgressSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => saveMeasureTaskProgress(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/v1/portal/measure-tasks/:id/submit',
    {
      config: { policy: 'measure-task.submit' },
      schema: {
        tags: ['portal'],
        summary:
          'Submit a questionnaire; returns its score and, after a risk item, crisis resources at once',
        params: uuidParam,
        body: taskAnswersRequest,
        response: { 200: recordedResponseSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => submitMeasureTask(request.ctx, request.params.id, request.body),
  );
};
