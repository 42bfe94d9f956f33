import { api } from '../../api/client';
import type {
  CrisisResources,
  InstrumentScores,
  MeasureTask,
  Outcome,
  PlanItem,
  Submitted,
} from '../../api/measure-types';

const enc = encodeURIComponent;

export const measureTasksKey = ['portal', 'measure-tasks'] as const;
export const scoresKey = (episodeId: string) => ['episodes', episodeId, 'scores'] as const;
export const outcomeKey = (episodeId: string) => ['episodes', episodeId, 'outcome'] as const;
export const planKey = (episodeId: string) => ['episodes', episodeId, 'measurement-plan'] as const;

type Items<T> = { items: T[] };

/** Lists may arrive as `{items}` or as a bare array; accept both. */
export function itemsOf<T>(data: Items<T> | T[] | undefined | null): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : (data.items ?? []);
}

export async function listMeasureTasks(): Promise<MeasureTask[]> {
  return itemsOf(await api<Items<MeasureTask> | MeasureTask[]>('/portal/measure-tasks'));
}

/** Saves partial answers; `crisisResources` comes back when a risk item is answered above 0. */
export function saveTaskProgress(
  id: string,
  answers: (number | null)[],
): Promise<{ crisisResources?: CrisisResources | null }> {
  return api(`/portal/measure-tasks/${enc(id)}/progress`, { method: 'PUT', body: { answers } });
}

export function submitTask(id: string, answers: number[]): Promise<Submitted> {
  return api<Submitted>(`/portal/measure-tasks/${enc(id)}/submit`, {
    method: 'POST',
    body: { answers },
  });
}

export type ResponseInput = {
  instrument: string;
  answers: number[];
  appointmentId?: string;
  completedAt?: string;
};

/** A paper form entered by the therapist; the server records it as entered on the client's behalf. */
export function createResponse(episodeId: string, input: ResponseInput): Promise<Submitted> {
  return api<Submitted>(`/episodes/${enc(episodeId)}/responses`, { method: 'POST', body: input });
}

export async function getScores(episodeId: string): Promise<InstrumentScores[]> {
  const data = await api<{ instruments: InstrumentScores[] }>(`/episodes/${enc(episodeId)}/scores`);
  return data.instruments;
}

export function getOutcome(episodeId: string): Promise<Outcome> {
  return api<Outcome>(`/episodes/${enc(episodeId)}/outcome`);
}

export async function getPlan(episodeId: string): Promise<PlanItem[]> {
  return itemsOf(
    await api<Items<PlanItem> | PlanItem[]>(`/episodes/${enc(episodeId)}/measurement-plan`),
  );
}

export function savePlan(episodeId: string, items: PlanItem[]): Promise<unknown> {
  return api(`/episodes/${enc(episodeId)}/measurement-plan`, { method: 'PUT', body: { items } });
}

/** "moderately-severe" → "moderately severe". */
export function bandText(band: string | null | undefined): string {
  return band ? band.replace(/-/g, ' ') : '—';
}

/** What the client sees of an episode's progress: all instruments, the listed ones, or nothing. */
export type ProgressSharing = { episodeId: string; shared: 'all' | string[] | null };

export function shareProgress(episodeId: string, instruments?: string[]): Promise<ProgressSharing> {
  return api<ProgressSharing>(`/episodes/${enc(episodeId)}/progress/share`, {
    method: 'POST',
    body: instruments ? { instruments } : {},
  });
}

export function unshareProgress(episodeId: string): Promise<ProgressSharing> {
  return api<ProgressSharing>(`/episodes/${enc(episodeId)}/progress/unshare`, { method: 'POST' });
}

export type PortalProgressPoint = { score: number; band: string | null; at: string };
export type PortalProgressItem = {
  instrument: string;
  title: string;
  first: PortalProgressPoint;
  latest: PortalProgressPoint;
  sentence: string;
};

export const portalProgressKey = ['portal', 'progress'] as const;

export async function getPortalProgress(): Promise<PortalProgressItem[]> {
  return itemsOf(await api<Items<PortalProgressItem>>('/portal/progress'));
}
