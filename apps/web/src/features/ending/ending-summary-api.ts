import {
  queryOptions,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { EndingSummary, UpdateEndingSummary, Wire } from '@throughline/contracts';
import { api } from '../../api/client';

const enc = encodeURIComponent;

/** Under the episode's key, so anything that changes the episode refreshes it. */
export const endingSummaryKeys = {
  summary: (episodeId: string) => ['episodes', episodeId, 'ending-summary'] as const,
};

export function endingSummaryQuery(episodeId: string) {
  return queryOptions({
    queryKey: endingSummaryKeys.summary(episodeId),
    queryFn: () => api<Wire<EndingSummary>>(`/episodes/${enc(episodeId)}/ending-summary`),
  });
}

/** Where the PDF downloads (the browser follows the link with the session cookie). */
export const endingSummaryPdfUrl = (episodeId: string, paper?: 'a4' | 'letter'): string =>
  `/api/v1/episodes/${enc(episodeId)}/ending-summary.pdf${paper ? `?paper=${paper}` : ''}`;

export function useSaveEndingSummary(
  episodeId: string,
): UseMutationResult<Wire<EndingSummary>, Error, UpdateEndingSummary> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateEndingSummary) =>
      api<Wire<EndingSummary>>(`/episodes/${enc(episodeId)}/ending-summary`, {
        method: 'PUT',
        body: input,
      }),
    onSuccess: (saved) => queryClient.setQueryData(endingSummaryKeys.summary(episodeId), saved),
  });
}

export function useShareEndingSummary(
  episodeId: string,
): UseMutationResult<Wire<EndingSummary>, Error, { version: number }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number }) =>
      api<Wire<EndingSummary>>(`/episodes/${enc(episodeId)}/ending-summary/share`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (shared) => queryClient.setQueryData(endingSummaryKeys.summary(episodeId), shared),
  });
}
