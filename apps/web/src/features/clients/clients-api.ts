import type { ClientDetails, Episode, TimelineItem, TimelineType } from '../../api/care-types';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { ClientChanges } from './client-form';

export const clientKey = (id: string) => ['clients', id] as const;
export const clientEpisodesKey = (id: string) => ['episodes', { clientId: id }] as const;

export function getClient(id: string): Promise<ClientDetails> {
  return api<ClientDetails>(`/clients/${encodeURIComponent(id)}`);
}

export function updateClient(id: string, input: ClientChanges): Promise<ClientDetails> {
  return api<ClientDetails>(`/clients/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
}

export function listEpisodes(clientId: string): Promise<Page<Episode>> {
  return api<Page<Episode>>(`/episodes?clientId=${encodeURIComponent(clientId)}`);
}

export function startEpisode(input: {
  clientId: string;
  title: string;
  reason: string;
}): Promise<Episode> {
  return api<Episode>('/episodes', { method: 'POST', body: input });
}

export function getTimeline(
  clientId: string,
  types: TimelineType[],
  cursor: string | null,
): Promise<Page<TimelineItem>> {
  const params = new URLSearchParams({ limit: '20' });
  if (types.length > 0) params.set('types', types.join(','));
  if (cursor) params.set('cursor', cursor);
  return api<Page<TimelineItem>>(
    `/clients/${encodeURIComponent(clientId)}/timeline?${params.toString()}`,
  );
}
