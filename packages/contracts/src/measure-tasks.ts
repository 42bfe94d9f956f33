import { z } from 'zod';
import { crisisResourcesSchema } from './common';
import { answersSchema } from './measures';

/** The measurement plan of an episode and the questionnaires sent to the client (issue 4). */

export const PLAN_SCHEDULES = [
  'before-every-session',
  'every-n-sessions',
  'every-n-weeks',
  'once',
  'weekly',
  'monthly',
  'intake-and-ending',
] as const;
export type PlanSchedule = (typeof PLAN_SCHEDULES)[number];
export const planScheduleSchema = z.enum(PLAN_SCHEDULES);

export const planItemSchema = z.object({
  instrument: z.string(),
  title: z.string(),
  schedule: planScheduleSchema,
  everyN: z.number().int().nullable(),
  active: z.boolean(),
  startsOn: z.string().nullable().describe('Nothing is asked before this day (YYYY-MM-DD)'),
});
export type PlanItem = z.output<typeof planItemSchema>;

export const measurementPlanSchema = z.object({
  episodeId: z.uuid(),
  items: z.array(planItemSchema),
});
export type MeasurementPlan = z.output<typeof measurementPlanSchema>;

export const updateMeasurementPlanRequest = z.strictObject({
  items: z
    .array(
      z.strictObject({
        instrument: z.string().min(1).max(64),
        schedule: planScheduleSchema,
        everyN: z.number().int().nullable().optional(),
        active: z.boolean(),
        startsOn: z.iso.date().nullable().optional(),
      }),
    )
    .max(50),
});
export type UpdateMeasurementPlanRequest = z.input<typeof updateMeasurementPlanRequest>;

export const measureTaskSummarySchema = z.object({
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
export type MeasureTaskSummary = z.output<typeof measureTaskSummarySchema>;

export const measureItemSchema = z.object({ number: z.number().int(), text: z.string() });
export type MeasureItem = z.output<typeof measureItemSchema>;
export const answerOptionSchema = z.object({ value: z.number().int(), label: z.string() });
export type AnswerOption = z.output<typeof answerOptionSchema>;

export const portalMeasureTaskSchema = measureTaskSummarySchema.extend({
  version: z.string(),
  instructions: z.string(),
  items: z.array(measureItemSchema),
  options: z.array(answerOptionSchema),
  attribution: z.string().describe('Keep with the form: the instrument’s license requires it'),
  answers: z
    .array(z.number().int().nullable())
    .nullable()
    .describe('Saved progress, one entry per item (null = not yet answered)'),
});
export type PortalMeasureTask = z.output<typeof portalMeasureTaskSchema>;

export const portalMeasureTaskListSchema = z.object({ items: z.array(portalMeasureTaskSchema) });
export type PortalMeasureTaskList = z.output<typeof portalMeasureTaskListSchema>;

export const createdMeasureTasksSchema = z.object({
  appointmentId: z.uuid(),
  sessionNumber: z.number().int(),
  created: z.number().int(),
  emailed: z.boolean(),
  tasks: z.array(measureTaskSummarySchema),
});
export type CreatedMeasureTasks = z.output<typeof createdMeasureTasksSchema>;

export const savedTaskProgressSchema = portalMeasureTaskSchema.extend({
  crisisResources: crisisResourcesSchema
    .nullable()
    .describe('Shown at once when a risk item is answered above 0'),
});
export type SavedTaskProgress = z.output<typeof savedTaskProgressSchema>;

export const taskAnswersRequest = z.strictObject({ answers: answersSchema });

/** The questionnaires sent in an episode, newest first, as its therapist sees them. */
export const episodeMeasureTaskListSchema = z.object({ items: z.array(measureTaskSummarySchema) });
export type EpisodeMeasureTaskList = z.output<typeof episodeMeasureTaskListSchema>;

/** The therapist sends one questionnaire now, outside the plan's rhythm. */
export const sendMeasureTaskRequest = z.strictObject({ instrument: z.string().min(1).max(64) });
export type SendMeasureTaskRequest = z.input<typeof sendMeasureTaskRequest>;

export const sentMeasureTaskSchema = z.object({
  task: measureTaskSummarySchema,
  emailed: z.boolean().describe('False when the client’s safe-contact choices allow no e-mail'),
});
export type SentMeasureTask = z.output<typeof sentMeasureTaskSchema>;
