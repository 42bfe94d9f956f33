import {
  createdMeasureTasksSchema,
  errors,
  measurementPlanSchema,
  portalMeasureTaskListSchema,
  problemSchema,
  recordedResponseSchema,
  savedTaskProgressSchema,
  taskAnswersRequest,
  updateMeasurementPlanRequest,
  uuidParam,
} from '@throughline/contracts';
import {
  createTasksForAppointment,
  getMeasurementPlan,
  listPortalMeasureTasks,
  saveMeasureTaskProgress,
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
        summary: 'Replace the measurement plan (instruments left out are removed)',
        params: uuidParam,
        body: updateMeasurementPlanRequest,
        response: { 200: measurementPlanSchema, ...errors },
      },
    },
    async (request) => updateMeasurementPlan(request.ctx, request.params.id, request.body),
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
