import {
  acknowledgePlanRequest,
  clientRatingSchema,
  createDiscussionItemRequest,
  createReflectionRequest,
  discussionItemSchema,
  errors,
  goalInputRequest,
  goalListSchema,
  goalReviewListSchema,
  goalReviewSchema,
  portalPlanAnswerSchema,
  portalPlanSchema,
  problemSchema,
  rateGoalRequest,
  reflectionSchema,
  reviewGoalsRequest,
  sharedPlanSchema,
  therapistGoalSchema,
  updateGoalRequest,
  uuidParam,
} from '@throughline/contracts';
import {
  acknowledgePlan,
  createDiscussionItem,
  createGoal,
  createReflection,
  listGoalReviews,
  listGoals,
  rateGoal,
  readPortalPlan,
  resolveDiscussionItem,
  reviewGoals,
  sharePlan,
  updateGoal,
} from '@throughline/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

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
        response: { 200: goalListSchema, ...errors },
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
        body: goalInputRequest,
        response: { 201: therapistGoalSchema, ...errors, ...conflict },
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
        body: updateGoalRequest,
        response: { 200: therapistGoalSchema, ...errors, ...conflict },
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
        body: reviewGoalsRequest,
        response: { 201: goalReviewSchema, ...errors, ...conflict },
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
        response: { 200: goalReviewListSchema, ...errors },
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
        body: rateGoalRequest,
        response: { 201: clientRatingSchema, ...errors, ...conflict },
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
        response: { 200: sharedPlanSchema, ...errors, ...conflict },
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
        response: { 200: portalPlanAnswerSchema, ...errors },
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
        body: acknowledgePlanRequest,
        response: { 200: portalPlanSchema, ...errors, ...conflict },
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
        body: createDiscussionItemRequest,
        response: { 201: discussionItemSchema, ...errors, ...conflict },
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
        response: { 200: discussionItemSchema, ...errors, ...conflict },
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
        body: createReflectionRequest,
        response: { 201: reflectionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReflection(request.ctx, request.params.id, request.body)),
  );
};
