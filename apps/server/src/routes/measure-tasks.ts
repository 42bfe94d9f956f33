import { errors, problemSchema, uuidParam } from '@throughline/contracts';
import {
  createTasksForAppointment,
  getMeasurementPlan,
  listPortalMeasureTasks,
  PLAN_SCHEDULES,
  saveMeasureTaskProgress,
  submitMeasureTask,
  updateMeasurementPlan,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alert, crisisResources, response } from './measures';

const schedule = z.enum(PLAN_SCHEDULES);

const planItem = z.object({
  instrument: z.string(),
  title: z.string(),
  schedule,
  everyN: z.number().int().nullable(),
  active: z.boolean(),
});
const plan = z.object({ episodeId: z.uuid(), items: z.array(planItem) });

const taskSummary = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  instrument: z.string(),
  title: z.string(),
  appointmentId: z.uuid().nullable(),
  dueAt: z.date(),
  status: z.enum(['open', 'completed', 'expired']),
  notifiedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
});

const portalTask = taskSummary.extend({
  version: z.string(),
  instructions: z.string(),
  items: z.array(z.object({ number: z.number().int(), text: z.string() })),
  options: z.array(z.object({ value: z.number().int(), label: z.string() })),
  attribution: z.string().describe('Keep with the form: the instrument’s license requires it'),
  answers: z
    .array(z.number().int().nullable())
    .nullable()
    .describe('Saved progress, one entry per item (null = not yet answered)'),
});

// Nulls pass so the clinical core (submit) or the progress check can name the item.
const answers = z.array(z.number().nullable()).max(100).describe('Answers in item order');

export const measureTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/measurement-plan',
    {
      config: { policy: 'measurement-plan.read' },
      schema: {
        tags: ['measures'],
        summary: 'Which questionnaires the episode uses and when (practice defaults on first read)',
        params: uuidParam,
        response: { 200: plan, ...errors },
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
        body: z.strictObject({
          items: z
            .array(
              z.strictObject({
                instrument: z.string().min(1).max(64),
                schedule,
                everyN: z.number().int().nullable().optional(),
                active: z.boolean(),
              }),
            )
            .max(50),
        }),
        response: { 200: plan, ...errors },
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
        response: {
          200: z.object({
            appointmentId: z.uuid(),
            sessionNumber: z.number().int(),
            created: z.number().int(),
            emailed: z.boolean(),
            tasks: z.array(taskSummary),
          }),
          ...errors,
          409: problemSchema,
        },
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
        response: { 200: z.object({ items: z.array(portalTask) }), ...errors },
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
        body: z.strictObject({ answers }),
        response: {
          200: portalTask.extend({
            crisisResources: crisisResources
              .nullable()
              .describe('Shown at once when a risk item is answered above 0'),
          }),
          ...errors,
          409: problemSchema,
        },
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
        body: z.strictObject({ answers }),
        response: {
          200: z.object({
            response,
            alerts: z.array(alert),
            crisisResources: crisisResources.nullable(),
          }),
          ...errors,
          409: problemSchema,
        },
      },
    },
    async (request) => submitMeasureTask(request.ctx, request.params.id, request.body),
  );
};
