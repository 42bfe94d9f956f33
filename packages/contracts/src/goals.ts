import { z } from 'zod';
import { PSYCHOTHERAPY_NOTE_MAX } from './notes';

/** Goals and the treatment plan, GAS reviews, client ratings, discussion items, reflections. */

export const GAS_LEVEL_KEYS = ['-2', '-1', '0', '+1', '+2'] as const;
export type GasLevelKey = (typeof GAS_LEVEL_KEYS)[number];
export const GOAL_STATUSES = ['active', 'achieved', 'discontinued'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Limits that keep one request and one row bounded. */
export const GOAL_TEXT_MAX = 2000;
export const GOAL_OBJECTIVES_MAX = 20;
export const GOAL_COMMENT_MAX = 2000;
export const DISCUSSION_TEXT_MAX = 2000;

const goalText = z.string().trim().min(1).max(GOAL_TEXT_MAX);
const gasLevel = z
  .number()
  .int()
  .min(-2)
  .max(2)
  .describe('GAS level −2…+2 (0 = the expected outcome)');
const gasLevels = z
  .strictObject({ '-2': goalText, '-1': goalText, '0': goalText, '+1': goalText, '+2': goalText })
  .describe('What each GAS level looks like for this goal (therapist-only)');
export const goalStatusSchema = z.enum(GOAL_STATUSES);

export const goalRatingSchema = z.object({
  level: z.number().int(),
  comment: z.string().nullable(),
  ratedAt: z.date(),
});
export type GoalRating = z.output<typeof goalRatingSchema>;

/** The client's part of a goal, as last shared with them. */
export const clientGoalSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  clientWords: z.string(),
  objectives: z.array(z.string()),
  status: goalStatusSchema,
  latestRating: goalRatingSchema.nullable().describe("The client's own latest rating"),
});
export type ClientGoal = z.output<typeof clientGoalSchema>;

export const therapistGoalSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  clientWords: z.string(),
  therapistWords: z.string(),
  objectives: z.array(z.string()),
  gasLevels: z.record(z.string(), z.string()),
  weight: z.number(),
  status: goalStatusSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
  latestClientRating: goalRatingSchema.nullable(),
  latestReview: z
    .object({ reviewId: z.uuid(), level: z.number().int(), reviewedAt: z.date() })
    .nullable(),
});
export type TherapistGoal = z.output<typeof therapistGoalSchema>;

/** The therapist reads their goals in full; the client reads the shared plan's part only. */
export const goalListSchema = z.object({
  items: z.array(z.union([therapistGoalSchema, clientGoalSchema])),
});
export type GoalList = z.output<typeof goalListSchema>;

export const goalInputRequest = z.strictObject({
  clientWords: goalText.describe("The goal in the client's own words"),
  therapistWords: goalText.describe("The goal in the therapist's words (therapist-only)"),
  objectives: z.array(goalText).max(GOAL_OBJECTIVES_MAX).default([]),
  gasLevels,
  weight: z.number().positive().max(100).optional().describe('GAS weight, default 1'),
});
export type GoalInput = z.input<typeof goalInputRequest>;

export const updateGoalRequest = goalInputRequest
  .partial()
  .extend({ status: goalStatusSchema.optional() });
export type UpdateGoalRequest = z.input<typeof updateGoalRequest>;

export const goalReviewSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  reviewedAt: z.date(),
  tScore: z.number(),
  rule: z.string(),
  ruleVersion: z.string(),
  note: z.string().nullable(),
  ratings: z.array(z.object({ goalId: z.uuid(), level: z.number().int(), weight: z.number() })),
});
export type GoalReview = z.output<typeof goalReviewSchema>;
export const goalReviewListSchema = z.object({ items: z.array(goalReviewSchema) });
export type GoalReviewList = z.output<typeof goalReviewListSchema>;

export const reviewGoalsRequest = z.strictObject({
  ratings: z
    .array(z.strictObject({ goalId: z.uuid(), level: gasLevel }))
    .min(1)
    .max(50),
  note: z.string().max(GOAL_COMMENT_MAX).optional(),
});
export type ReviewGoalsRequest = z.input<typeof reviewGoalsRequest>;

export const rateGoalRequest = z.strictObject({
  level: gasLevel,
  comment: z.string().max(GOAL_COMMENT_MAX).optional(),
});
export type RateGoalRequest = z.input<typeof rateGoalRequest>;

export const clientRatingSchema = goalRatingSchema.extend({ id: z.uuid(), goalId: z.uuid() });
export type ClientRating = z.output<typeof clientRatingSchema>;

export const portalPlanSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  version: z.number().int(),
  sharedAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  scale: z.record(z.string(), z.string()).describe('The plain-language rating scale'),
  goals: z.array(clientGoalSchema),
});
export type PortalPlan = z.output<typeof portalPlanSchema>;
export const portalPlanAnswerSchema = z.object({ plan: portalPlanSchema.nullable() });
export type PortalPlanAnswer = z.output<typeof portalPlanAnswerSchema>;

export const acknowledgePlanRequest = z.strictObject({ planId: z.uuid() });

export const sharedPlanSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  version: z.number().int(),
  sharedAt: z.date(),
  changed: z.boolean(),
  acknowledgedAt: z.date().nullable(),
  goals: z.number().int(),
});
export type SharedPlan = z.output<typeof sharedPlanSchema>;

export const DISCUSSION_SOURCES = ['alert', 'review', 'manual'] as const;
export const discussionItemSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  text: z.string(),
  source: z.object({ kind: z.enum(DISCUSSION_SOURCES), id: z.uuid().nullable() }),
  createdAt: z.date(),
  resolvedAt: z.date().nullable(),
});
export type DiscussionItem = z.output<typeof discussionItemSchema>;

export const createDiscussionItemRequest = z.strictObject({
  text: z.string().trim().min(1).max(DISCUSSION_TEXT_MAX),
  source: z.strictObject({ kind: z.enum(DISCUSSION_SOURCES), id: z.uuid().optional() }).optional(),
});
export type CreateDiscussionItemRequest = z.input<typeof createDiscussionItemRequest>;

const reflectionAbout = z.strictObject({ kind: z.enum(['alert', 'review']), id: z.uuid() });
export type ReflectionAbout = z.output<typeof reflectionAbout>;

export const createReflectionRequest = z.strictObject({
  body: z.string().min(1).max(PSYCHOTHERAPY_NOTE_MAX),
  about: reflectionAbout.optional(),
});
export type CreateReflectionRequest = z.input<typeof createReflectionRequest>;

export const reflectionSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  body: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  warnings: z.array(z.object({ kind: z.string(), excerpt: z.string() })),
  about: reflectionAbout.nullable(),
});
export type Reflection = z.output<typeof reflectionSchema>;
