import { api } from '../../api/client';
import type { Alert } from '../../api/measure-types';
import { itemsOf } from '../measures/measures-api';

const enc = encodeURIComponent;

export const openAlertsKey = ['alerts', 'open'] as const;
export const episodeAlertsKey = (episodeId: string) => ['episodes', episodeId, 'alerts'] as const;

type Items = { items: Alert[] } | Alert[];

/** The therapist's open alerts across the caseload. */
export async function listOpenAlerts(): Promise<Alert[]> {
  return itemsOf(await api<Items>('/alerts'));
}

export async function listEpisodeAlerts(episodeId: string): Promise<Alert[]> {
  return itemsOf(await api<Items>(`/episodes/${enc(episodeId)}/alerts?status=all`));
}

export function acknowledgeAlert(id: string, note?: string): Promise<Alert> {
  return api<Alert>(`/alerts/${enc(id)}/acknowledge`, {
    method: 'POST',
    body: note ? { note } : {},
  });
}

/** Urgent first, then newest first. */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return [...alerts].sort((a, b) => {
    if (a.severity !== b.severity) return a.severity === 'urgent' ? -1 : 1;
    return b.createdAt.localeCompare(a.createdAt);
  });
}

/** "reliable-deterioration" → "Reliable deterioration". */
export function kindLabel(kind: string): string {
  const text = kind.replace(/[-_]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
