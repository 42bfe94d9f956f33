import { errors, problemSchema, uuidParam } from '@throughline/contracts';
import {
  acknowledgePlan,
  createDiscussionItem,
  createGoal,
  createReflection,
  DISCUSSION_TEXT_MAX,
  GOAL_COMMENT_MAX,
  GOAL_OBJECTIVES_MAX,
  GOAL_STATUSES,
  GOAL_TEXT_MAX,
  listGoalReviews,
  listGoals,
  PSYCHOTHERAPY_NOTE_MAX,
  rateGoal,
  readPortalPlan,
  resolveDiscussionItem,
  reviewGoals,
  sharePlan,
  updateGoal,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const goalText = z.string().trim().min(1).max(GOAL_TEXT_MAX);
const level = z
  .number()
  .int()
  .min(-2)
  .max(2)
  .describe('GAS level −2…+2 (0 = the expected outcome)');
const gasLevels = z
  .strictObject({ '-2': goalText, '-1': goalText, '0': goalText, '+1': goalText, '+2': goalText })
  .describe('What each GAS level looks like for this goal (therapist-only)');
const status = z.enum(GOAL_STATUSES);
const rating = z.object({
  level: z.number().int(),
  comment: z.string().nullable(),
  ratedAt: z.date(),
});

/** The client's part of a goal, as last shared with them. */
export const clientGoalSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  clientWords: z.string(),
  objectives: z.array(z.string()),
  status,
  latestRating: rating.nullable().describe("The client's own latest rating"),
});

const therapistGoal = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  clientWords: z.string(),
  therapistWords: z.string(),
  objectives: z.array(z.string()),
  gasLevels: z.record(z.string(), z.string()),
  weight: z.number(),
  status,
  createdAt: z.date(),
  updatedAt: z.date(),
  latestClientRating: rating.nullable(),
  latestReview: z
    .object({ reviewId: z.uuid(), level: z.number().int(), reviewedAt: z.date() })
    .nullable(),
});

const goalInput = z.strictObject({
  clientWords: goalText.describe("The goal in the client's own words"),
  therapistWords: goalText.describe("The goal in the therapist's words (therapist-only)"),
  objectives: z.array(goalText).max(GOAL_OBJECTIVES_MAX).default([]),
  gasLevels,
  weight: z.number().positive().max(100).optional().describe('GAS weight, default 1'),
});

const review = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  reviewedAt: z.date(),
  tScore: z.number(),
  rule: z.string(),
  ruleVersion: z.string(),
  note: z.string().nullable(),
  ratings: z.array(z.object({ goalId: z.uuid(), level: z.number().int(), weight: z.number() })),
});

const plan = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  version: z.number().int(),
  sharedAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  scale: z.record(z.string(), z.string()).describe('The plain-language rating scale'),
  goals: z.array(clientGoalSchema),
});

const discussionItem = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  text: z.string(),
  source: z.object({ kind: z.enum(['alert', 'review', 'manual']), id: z.uuid().nullable() }),
  createdAt: z.date(),
  resolvedAt: z.date().nullable(),
});

const about = z.strictObject({ kind: z.enum(['alert', 'review']), id: z.uuid() });
const conflict = { 409: problemSchema };

/** Goals and the treatment plan, GAS reviews, client ratings, and reflection (issue 4). */
export const goalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/episodes/:id/goals',
    {
      config: { policy: 'goal.list' },
      schema: {
        tags: ['goals'],
        summary:
          "The episode's goals. The client sees only the plan last shared with them, without the therapist's wording, GAS level descriptions or weights",
        params: uuidParam,
        response: {
          200: z.object({ items: z.array(z.union([therapistGoal, clientGoalSchema])) }),
          ...errors,
        },
      },
    },
    async (request) => ({ items: await listGoals(request.ctx, request.params.id) }),
  );

  app.post(
    '/api/v1/episodes/:id/goals',
    {
      config: { policy: 'goal.create' },
      schema: {
        tags: ['goals'],
        summary: "Add a goal agreed with the client, in their words and the therapist's",
        params: uuidParam,
        body: goalInput,
        response: { 201: therapistGoal, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createGoal(request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/goals/:id',
    {
      config: { policy: 'goal.update' },
      schema: {
        tags: ['goals'],
        summary: 'Change a goal; the client sees the change when the plan is shared again',
        params: uuidParam,
        body: goalInput.partial().extend({ status: status.optional() }),
        response: { 200: therapistGoal, ...errors, ...conflict },
      },
    },
    async (request) => updateGoal(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/v1/episodes/:id/goal-reviews',
    {
      config: { policy: 'goal.review' },
      schema: {
        tags: ['goals'],
        summary: 'Review goals: levels −2…+2 and the GAS T-score (Kiresuk & Sherman, ρ = 0.3)',
        params: uuidParam,
        body: z.strictObject({
          ratings: z
            .array(z.strictObject({ goalId: z.uuid(), level }))
            .min(1)
            .max(50),
          note: z.string().max(GOAL_COMMENT_MAX).optional(),
        }),
        response: { 201: review, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reviewGoals(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/v1/episodes/:id/goal-reviews',
    {
      config: { policy: 'goal.review.list' },
      schema: {
        tags: ['goals'],
        summary: 'The goal reviews of the episode in time order (the GAS T-score series)',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(review) }), ...errors },
      },
    },
    async (request) => ({ items: await listGoalReviews(request.ctx, request.params.id) }),
  );

  app.post(
    '/api/v1/goals/:id/client-ratings',
    {
      config: { policy: 'goal.rate' },
      schema: {
        tags: ['goals'],
        summary: 'The client rates their progress on a goal shared with them',
        params: uuidParam,
        body: z.strictObject({ level, comment: z.string().max(GOAL_COMMENT_MAX).optional() }),
        response: {
          201: rating.extend({ id: z.uuid(), goalId: z.uuid() }),
          ...errors,
          ...conflict,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rateGoal(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/episodes/:id/plan/share',
    {
      config: { policy: 'plan.share' },
      schema: {
        tags: ['goals'],
        summary:
          'Share the plan with the client; a changed plan becomes a new version to acknowledge',
        params: uuidParam,
        response: {
          200: z.object({
            id: z.uuid(),
            episodeId: z.uuid(),
            version: z.number().int(),
            sharedAt: z.date(),
            changed: z.boolean(),
            acknowledgedAt: z.date().nullable(),
            goals: z.number().int(),
          }),
          ...errors,
          ...conflict,
        },
      },
    },
    async (request) => sharePlan(request.ctx, request.params.id),
  );

  app.get(
    '/api/v1/portal/plan',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['portal'],
        summary: 'Your treatment plan as last shared with you (null before it is shared)',
        response: { 200: z.object({ plan: plan.nullable() }), ...errors },
      },
    },
    async (request) => ({ plan: await readPortalPlan(request.ctx) }),
  );

  app.post(
    '/api/v1/portal/plan/acknowledge',
    {
      config: { policy: 'plan.acknowledge' },
      schema: {
        tags: ['portal'],
        summary: 'Acknowledge the version of the plan you read',
        body: z.strictObject({ planId: z.uuid() }),
        response: { 200: plan, ...errors, ...conflict },
      },
    },
    async (request) => acknowledgePlan(request.ctx, request.body),
  );

  app.post(
    '/api/v1/episodes/:id/discussion-items',
    {
      config: { policy: 'discussion-item.create' },
      schema: {
        tags: ['goals'],
        summary: 'Add a "to discuss next session" item; open items appear in the brief',
        params: uuidParam,
        body: z.strictObject({
          text: z.string().trim().min(1).max(DISCUSSION_TEXT_MAX),
          source: z
            .strictObject({ kind: z.enum(['alert', 'review', 'manual']), id: z.uuid().optional() })
            .optional(),
        }),
        response: { 201: discussionItem, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createDiscussionItem(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/discussion-items/:id/resolve',
    {
      config: { policy: 'discussion-item.resolve' },
      schema: {
        tags: ['goals'],
        summary: 'Mark a discussion item as discussed',
        params: uuidParam,
        response: { 200: discussionItem, ...errors, ...conflict },
      },
    },
    async (request) => resolveDiscussionItem(request.ctx, request.params.id),
  );

  app.post(
    '/api/v1/episodes/:id/reflections',
    {
      config: { policy: 'reflection.create' },
      schema: {
        tags: ['psychotherapy notes'],
        summary:
          'A private reflection after a review or an alert: a psychotherapy note (author-only, HIPAA 45 CFR 164.501)',
        params: uuidParam,
        body: z.strictObject({
          body: z.string().min(1).max(PSYCHOTHERAPY_NOTE_MAX),
          about: about.optional(),
        }),
        response: {
          201: z.object({
            id: z.uuid(),
            episodeId: z.uuid(),
            appointmentId: z.uuid().nullable(),
            body: z.string(),
            createdAt: z.date(),
            updatedAt: z.date(),
            warnings: z.array(z.object({ kind: z.string(), excerpt: z.string() })),
            about: about.nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReflection(request.ctx, request.params.id, request.body)),
  );
};
