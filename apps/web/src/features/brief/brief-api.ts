import { api } from '../../api/client';
import type { Brief } from '../../api/note-types';

export function getBrief(episodeId: string, appointmentId: string | null): Promise<Brief> {
  const query = appointmentId ? `?appointment=${encodeURIComponent(appointmentId)}` : '';
  return api<Brief>(`/episodes/${encodeURIComponent(episodeId)}/brief${query}`);
}
