import { queryOptions } from '@tanstack/react-query';
import type { Brief, Wire } from '@throughline/contracts';
import { api } from '../../api/client';

/** The brief sits under its episode's key, so anything that changes the episode refreshes it. */
export const briefKeys = {
  brief: (episodeId: string, appointmentId: string | null) =>
    ['episodes', episodeId, 'brief', appointmentId] as const,
};

export function getBrief(episodeId: string, appointmentId: string | null): Promise<Wire<Brief>> {
  const query = appointmentId ? `?appointment=${encodeURIComponent(appointmentId)}` : '';
  return api<Wire<Brief>>(`/episodes/${encodeURIComponent(episodeId)}/brief${query}`);
}

export function briefQuery(episodeId: string, appointmentId: string | null) {
  return queryOptions({
    queryKey: briefKeys.brief(episodeId, appointmentId),
    queryFn: () => getBrief(episodeId, appointmentId),
  });
}
