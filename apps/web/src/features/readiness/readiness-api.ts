import {
  queryOptions,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  ContinuityKitList,
  Episode,
  GiveReadinessView,
  Readiness,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { isApiError } from '../../api/problem';

const enc = encodeURIComponent;

export const readinessKeys = {
  review: (episodeId: string) => ['episodes', episodeId, 'readiness'] as const,
  openEpisodes: ['portal', 'readiness', 'episodes'] as const,
  kit: ['portal', 'continuity-kit'] as const,
  summary: (episodeId: string) => ['episodes', episodeId, 'ending-summary', 'shared'] as const,
};

export function readinessQuery(episodeId: string) {
  return queryOptions({
    queryKey: readinessKeys.review(episodeId),
    queryFn: () => api<Wire<Readiness>>(`/episodes/${enc(episodeId)}/readiness`),
  });
}

/** The client's episodes still open (a review can be answered in them), newest first. */
export function openEpisodesQuery() {
  return queryOptions({
    queryKey: readinessKeys.openEpisodes,
    queryFn: () => api<{ items: Wire<Episode>[] }>('/episodes?limit=50'),
    select: (data) =>
      data.items
        .filter((e) => e.phase !== 'closed')
        .sort((a, b) => b.openedAt.localeCompare(a.openedAt)),
  });
}

export function useGiveReadinessView(
  episodeId: string,
): UseMutationResult<Wire<Readiness>, Error, GiveReadinessView> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GiveReadinessView) =>
      api<Wire<Readiness>>(`/episodes/${enc(episodeId)}/readiness/views`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (data) => queryClient.setQueryData(readinessKeys.review(episodeId), data),
  });
}

export function continuityKitQuery() {
  return queryOptions({
    queryKey: readinessKeys.kit,
    queryFn: () => api<Wire<ContinuityKitList>>('/portal/continuity-kit'),
  });
}

/**
 * Whether the ending summary is shared with the client: its route answers 404 until it is (the
 * ending summary is built elsewhere; the kit only links to it).
 */
export function endingSummaryShared(episodeId: string) {
  return queryOptions({
    queryKey: readinessKeys.summary(episodeId),
    queryFn: async () => {
      try {
        await api<unknown>(`/episodes/${enc(episodeId)}/ending-summary`);
        return true;
      } catch (error) {
        if (isApiError(error) && error.status === 404) return false;
        throw error;
      }
    },
    retry: false,
  });
}

/** Where the shared ending summary's PDF downloads from. */
export const endingSummaryPdfUrl = (episodeId: string): string =>
  `/api/v1/episodes/${enc(episodeId)}/ending-summary.pdf`;
