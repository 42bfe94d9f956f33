import { api } from '../../api/client';
import type { Goal, GoalReview, PortalPlan } from '../../api/measure-types';
import { itemsOf } from '../measures/measures-api';

const enc = encodeURIComponent;

export const goalsKey = (episodeId: string) => ['episodes', episodeId, 'goals'] as const;
export const reviewsKey = (episodeId: string) => ['episodes', episodeId, 'goal-reviews'] as const;
export const portalPlanKey = ['portal', 'plan'] as const;

/** GAS level keys as the API names them. */
export const GAS_KEYS = ['-2', '-1', '0', '+1', '+2'] as const;

export type GoalInput = {
  clientWords: string;
  therapistWords: string;
  objectives: string[];
  gasLevels: Record<(typeof GAS_KEYS)[number], string>;
  weight?: number;
};

export async function listGoals(episodeId: string): Promise<Goal[]> {
  return itemsOf(await api<{ items: Goal[] } | Goal[]>(`/episodes/${enc(episodeId)}/goals`));
}

export function createGoal(episodeId: string, input: GoalInput): Promise<Goal> {
  return api<Goal>(`/episodes/${enc(episodeId)}/goals`, { method: 'POST', body: input });
}

export function updateGoal(
  id: string,
  change: Partial<GoalInput> & { status?: string },
): Promise<Goal> {
  return api<Goal>(`/goals/${enc(id)}`, { method: 'PATCH', body: change });
}

export async function listReviews(episodeId: string): Promise<GoalReview[]> {
  return itemsOf(
    await api<{ items: GoalReview[] } | GoalReview[]>(`/episodes/${enc(episodeId)}/goal-reviews`),
  );
}

export function createReview(
  episodeId: string,
  input: { ratings: { goalId: string; level: number }[]; note?: string },
): Promise<GoalReview> {
  return api<GoalReview>(`/episodes/${enc(episodeId)}/goal-reviews`, {
    method: 'POST',
    body: input,
  });
}

export type Shared = { version: number; sharedAt: string; changed: boolean; goals: number };

export function sharePlan(episodeId: string): Promise<Shared> {
  return api<Shared>(`/episodes/${enc(episodeId)}/plan/share`, { method: 'POST' });
}

export type DiscussionSource = { kind: 'alert' | 'review' | 'manual'; id?: string };

export function addDiscussionItem(
  episodeId: string,
  text: string,
  source?: DiscussionSource,
): Promise<unknown> {
  return api(`/episodes/${enc(episodeId)}/discussion-items`, {
    method: 'POST',
    body: source ? { text, source } : { text },
  });
}

export function resolveDiscussionItem(id: string): Promise<unknown> {
  return api(`/discussion-items/${enc(id)}/resolve`, { method: 'POST', body: {} });
}

export function addReflection(
  episodeId: string,
  body: string,
  about?: { kind: 'alert' | 'review'; id: string },
): Promise<unknown> {
  return api(`/episodes/${enc(episodeId)}/reflections`, {
    method: 'POST',
    body: about ? { body, about } : { body },
  });
}

export async function getPortalPlan(): Promise<PortalPlan | null> {
  return (await api<{ plan: PortalPlan | null }>('/portal/plan')).plan;
}

export function acknowledgePlan(planId: string): Promise<PortalPlan> {
  return api<PortalPlan>('/portal/plan/acknowledge', { method: 'POST', body: { planId } });
}

export function rateGoal(goalId: string, level: number, comment?: string): Promise<unknown> {
  return api(`/goals/${enc(goalId)}/client-ratings`, {
    method: 'POST',
    body: comment ? { level, comment } : { level },
  });
}

/** GAS levels and their published anchor wording (Kiresuk & Sherman). */
export const GAS_LEVELS: { value: number; label: string }[] = [
  { value: -2, label: '−2 Much less than expected' },
  { value: -1, label: '−1 Somewhat less than expected' },
  { value: 0, label: '0 The expected outcome' },
  { value: 1, label: '+1 Somewhat more than expected' },
  { value: 2, label: '+2 Much more than expected' },
];

/**
 * Kiresuk–Sherman T-score with equal weights and ρ = 0.3 (CLINICAL.md §1), shown as a preview
 * before the server stores the review (the server's value is the one recorded).
 */
export function tScore(levels: number[], rho = 0.3): number | null {
  if (levels.length === 0) return null;
  const n = levels.length;
  const sum = levels.reduce((a, b) => a + b, 0);
  return 50 + (10 * sum) / Math.sqrt((1 - rho) * n + rho * n * n);
}
