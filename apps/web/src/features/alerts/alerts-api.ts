import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AcknowledgedAlert,
  Alert,
  AlertKind,
  AlertList,
  CaseloadAlert,
  CaseloadAlertList,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';

const enc = encodeURIComponent;

/** Query keys of this feature; an episode's alerts sit under the episode's key. */
export const alertKeys = {
  open: ['alerts', 'open'] as const,
  episode: (episodeId: string) => ['episodes', episodeId, 'alerts'] as const,
};

/** The therapist's open alerts across the caseload. */
export async function listOpenAlerts(): Promise<Wire<CaseloadAlert>[]> {
  return (await api<Wire<CaseloadAlertList>>('/alerts')).items;
}

export async function listEpisodeAlerts(episodeId: string): Promise<Wire<Alert>[]> {
  return (await api<Wire<AlertList>>(`/episodes/${enc(episodeId)}/alerts?status=all`)).items;
}

export function episodeAlertsQuery(episodeId: string) {
  return {
    queryKey: alertKeys.episode(episodeId),
    queryFn: () => listEpisodeAlerts(episodeId),
  };
}

export function acknowledgeAlert(id: string, note?: string): Promise<Wire<AcknowledgedAlert>> {
  return api<Wire<AcknowledgedAlert>>(`/alerts/${enc(id)}/acknowledge`, {
    method: 'POST',
    body: note ? { note } : {},
  });
}

/** Acknowledging refreshes the episode's alerts, the caseload's, and the episode's brief. */
export function useAcknowledgeAlert(
  alert: Pick<Wire<Alert>, 'id' | 'episodeId'>,
): UseMutationResult<Wire<AcknowledgedAlert>, Error, string | undefined> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string | undefined) => acknowledgeAlert(alert.id, note),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: alertKeys.open });
      void queryClient.invalidateQueries({ queryKey: ['episodes', alert.episodeId] });
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
}

/** Urgent first, then newest first. */
export function sortAlerts<A extends Pick<Wire<Alert>, 'severity' | 'createdAt'>>(
  alerts: A[],
): A[] {
  return [...alerts].sort((a, b) => {
    if (a.severity !== b.severity) return a.severity === 'urgent' ? -1 : 1;
    return b.createdAt.localeCompare(a.createdAt);
  });
}

const KIND_LABELS: Record<AlertKind, string> = {
  'risk-item': 'Risk item',
  'reliable-deterioration': 'Reliable deterioration',
  'not-on-track': 'Not on track',
  'alliance-drop': 'Alliance drop',
  'risk-language': 'Risk language',
};

/** "reliable-deterioration" → "Reliable deterioration". */
export function kindLabel(kind: AlertKind): string {
  return KIND_LABELS[kind];
}
