import {
  queryOptions,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { GAS_LEVEL_WORDS, gasLevelLabel, gasTScore } from '@throughline/clinical';
import {
  type ClientGoal,
  type ClientRating,
  type CreateDiscussionItemRequest,
  type DiscussionItem,
  GAS_LEVEL_KEYS,
  type GoalInput,
  type GoalList,
  type GoalReview,
  type GoalReviewList,
  type PortalPlan,
  type PortalPlanAnswer,
  type RateGoalRequest,
  type Reflection,
  type ReflectionAbout,
  type ReviewGoalsRequest,
  type SharedPlan,
  type TherapistGoal,
  type UpdateGoalRequest,
  type Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';

const enc = encodeURIComponent;

/** Query keys of this feature; episode-scoped data sits under the episode's key. */
export const goalKeys = {
  goals: (episodeId: string) => ['episodes', episodeId, 'goals'] as const,
  reviews: (episodeId: string) => ['episodes', episodeId, 'goal-reviews'] as const,
  episode: (episodeId: string) => ['episodes', episodeId] as const,
  portalPlan: ['portal', 'plan'] as const,
};

/** GAS level keys as the API names them. */
export const GAS_KEYS = GAS_LEVEL_KEYS;

export function listGoals(episodeId: string): Promise<Wire<GoalList>> {
  return api<Wire<GoalList>>(`/episodes/${enc(episodeId)}/goals`);
}

/** The therapist's goals: in full, as their own episode answers them (the client's part is not). */
export function goalsQuery(episodeId: string) {
  return queryOptions({
    queryKey: goalKeys.goals(episodeId),
    queryFn: () => listGoals(episodeId),
    select: (data) => data.items.filter((g): g is Wire<TherapistGoal> => 'therapistWords' in g),
  });
}

export function createGoal(episodeId: string, input: GoalInput): Promise<Wire<TherapistGoal>> {
  return api<Wire<TherapistGoal>>(`/episodes/${enc(episodeId)}/goals`, {
    method: 'POST',
    body: input,
  });
}

export function useCreateGoal(
  episodeId: string,
): UseMutationResult<Wire<TherapistGoal>, Error, GoalInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GoalInput) => createGoal(episodeId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalKeys.goals(episodeId) }),
  });
}

export function updateGoal(id: string, change: UpdateGoalRequest): Promise<Wire<TherapistGoal>> {
  return api<Wire<TherapistGoal>>(`/goals/${enc(id)}`, { method: 'PATCH', body: change });
}

export function useUpdateGoal(
  episodeId: string,
): UseMutationResult<Wire<TherapistGoal>, Error, { id: string; change: UpdateGoalRequest }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateGoalRequest }) =>
      updateGoal(id, change),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalKeys.goals(episodeId) }),
  });
}

export function listReviews(episodeId: string): Promise<Wire<GoalReviewList>> {
  return api<Wire<GoalReviewList>>(`/episodes/${enc(episodeId)}/goal-reviews`);
}

export function reviewsQuery(episodeId: string) {
  return queryOptions({
    queryKey: goalKeys.reviews(episodeId),
    queryFn: () => listReviews(episodeId),
    select: (data) => data.items,
  });
}

export function createReview(
  episodeId: string,
  input: ReviewGoalsRequest,
): Promise<Wire<GoalReview>> {
  return api<Wire<GoalReview>>(`/episodes/${enc(episodeId)}/goal-reviews`, {
    method: 'POST',
    body: input,
  });
}

/** A review adds to the T-score series and sets each goal's latest level. */
export function useCreateReview(
  episodeId: string,
): UseMutationResult<Wire<GoalReview>, Error, ReviewGoalsRequest> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewGoalsRequest) => createReview(episodeId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: goalKeys.reviews(episodeId) });
      void queryClient.invalidateQueries({ queryKey: goalKeys.goals(episodeId) });
    },
  });
}

export function sharePlan(episodeId: string): Promise<Wire<SharedPlan>> {
  return api<Wire<SharedPlan>>(`/episodes/${enc(episodeId)}/plan/share`, { method: 'POST' });
}

export function useSharePlan(episodeId: string): UseMutationResult<Wire<SharedPlan>, Error, void> {
  return useMutation({ mutationFn: () => sharePlan(episodeId) });
}

export function addDiscussionItem(
  episodeId: string,
  input: CreateDiscussionItemRequest,
): Promise<Wire<DiscussionItem>> {
  return api<Wire<DiscussionItem>>(`/episodes/${enc(episodeId)}/discussion-items`, {
    method: 'POST',
    body: input,
  });
}

export function resolveDiscussionItem(id: string): Promise<Wire<DiscussionItem>> {
  return api<Wire<DiscussionItem>>(`/discussion-items/${enc(id)}/resolve`, {
    method: 'POST',
    body: {},
  });
}

/** Marking an item discussed takes it off the episode's brief. */
export function useResolveDiscussionItem(
  episodeId: string,
): UseMutationResult<Wire<DiscussionItem>, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => resolveDiscussionItem(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalKeys.episode(episodeId) }),
  });
}

export function addReflection(
  episodeId: string,
  body: string,
  about?: ReflectionAbout,
): Promise<Wire<Reflection>> {
  return api<Wire<Reflection>>(`/episodes/${enc(episodeId)}/reflections`, {
    method: 'POST',
    body: about ? { body, about } : { body },
  });
}

export type FollowUp = { kind: 'discuss' | 'reflect'; text: string };

/**
 * After an alert or a review: a "to discuss next session" item (shown in the brief) or a private
 * reflection (a psychotherapy note). Either way the episode's lists change.
 */
export function useFollowUp(
  episodeId: string,
  about: ReflectionAbout,
): UseMutationResult<Wire<DiscussionItem> | Wire<Reflection>, Error, FollowUp> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      kind,
      text,
    }: FollowUp): Promise<Wire<DiscussionItem> | Wire<Reflection>> =>
      kind === 'discuss'
        ? addDiscussionItem(episodeId, { text, source: about })
        : addReflection(episodeId, text, about),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalKeys.episode(episodeId) }),
  });
}

export function getPortalPlan(): Promise<Wire<PortalPlanAnswer>> {
  return api<Wire<PortalPlanAnswer>>('/portal/plan');
}

export function portalPlanQuery() {
  return queryOptions({
    queryKey: goalKeys.portalPlan,
    queryFn: getPortalPlan,
    select: (data) => data.plan,
  });
}

export function acknowledgePlan(planId: string): Promise<Wire<PortalPlan>> {
  return api<Wire<PortalPlan>>('/portal/plan/acknowledge', { method: 'POST', body: { planId } });
}

export function useAcknowledgePlan(): UseMutationResult<Wire<PortalPlan>, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => acknowledgePlan(planId),
    onSuccess: (plan) => queryClient.setQueryData(goalKeys.portalPlan, { plan }),
  });
}

export function rateGoal(goalId: string, input: RateGoalRequest): Promise<Wire<ClientRating>> {
  return api<Wire<ClientRating>>(`/goals/${enc(goalId)}/client-ratings`, {
    method: 'POST',
    body: input,
  });
}

/** The client's rating shows as their latest on the plan. */
export function useRateGoal(): UseMutationResult<
  Wire<ClientRating>,
  Error,
  { goalId: string } & RateGoalRequest
> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ goalId, ...input }: { goalId: string } & RateGoalRequest) =>
      rateGoal(goalId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalKeys.portalPlan }),
  });
}

export type { ClientGoal };

/** GAS levels in the clinical core's words, "As expected (0)" (Kiresuk & Sherman). */
export const GAS_LEVELS: { value: number; label: string }[] = GAS_LEVEL_WORDS.map((l) => ({
  value: l.level,
  label: gasLevelLabel(l.level),
}));

/**
 * The GAS T-score of the levels chosen so far, by the clinical core's own rule (Kiresuk–Sherman,
 * ρ = 0.3, the goals' weights), shown as a preview before the server stores the review.
 */
export function tScorePreview(goals: readonly { level: number; weight: number }[]): number | null {
  return goals.length === 0 ? null : gasTScore(goals).tScore;
}

export function useAddDiscussionItem(
  episodeId: string,
): UseMutationResult<Wire<DiscussionItem>, Error, CreateDiscussionItemRequest> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDiscussionItemRequest) => addDiscussionItem(episodeId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalKeys.episode(episodeId) }),
  });
}

export const GOAL_STATUS_LABELS: Record<TherapistGoal['status'], string> = {
  active: 'Active',
  achieved: 'Achieved',
  discontinued: 'Discontinued',
};
