import type { UseMutationResult } from '@tanstack/react-query';
import type {
  Client,
  ClientChanges,
  CreateEpisodeInput,
  Episode,
  IssuedSignUpCode,
  TimelineItem,
  TimelineType,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, noCacheEffects, useFeatureMutation } from '../../api/mutation';
import { caseloadKeys } from '../caseload/caseload-api';
import { episodeKeys } from '../episodes/episodes-api';

export const clientKeys = {
  /** Every client query: the caseload's list and each client below it. */
  all: ['clients'] as const,
  detail: (id: string) => ['clients', id] as const,
  timeline: (id: string, types: readonly TimelineType[]) =>
    ['clients', id, 'timeline', types] as const,
};

type Page<T> = { items: T[]; nextCursor: string | null };

export function getClient(id: string): Promise<Wire<Client>> {
  return api<Wire<Client>>(`/clients/${encodeURIComponent(id)}`);
}

export function updateClient(id: string, input: ClientChanges): Promise<Wire<Client>> {
  return api<Wire<Client>>(`/clients/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
}

/** A new one-time sign-up code (earlier ones stop working); shown once. */
export function issueSignUpCode(clientId: string): Promise<Wire<IssuedSignUpCode>> {
  return api<Wire<IssuedSignUpCode>>(`/clients/${encodeURIComponent(clientId)}/sign-up-code`, {
    method: 'POST',
  });
}

export function listEpisodes(clientId: string): Promise<Wire<Page<Episode>>> {
  return api<Wire<Page<Episode>>>(`/episodes?clientId=${encodeURIComponent(clientId)}`);
}

export function startEpisode(input: CreateEpisodeInput): Promise<Wire<Episode>> {
  return api<Wire<Episode>>('/episodes', { method: 'POST', body: input });
}

export function getTimeline(
  clientId: string,
  types: readonly TimelineType[],
  cursor: string | null,
): Promise<Wire<Page<TimelineItem>>> {
  const params = new URLSearchParams({ limit: '20' });
  if (types.length > 0) params.set('types', types.join(','));
  if (cursor) params.set('cursor', cursor);
  return api<Wire<Page<TimelineItem>>>(
    `/clients/${encodeURIComponent(clientId)}/timeline?${params.toString()}`,
  );
}

// Hooks: each says what it changes in the cache.

/** The client's name shows in the caseload list too. */
export function useUpdateClient(
  clientId: string,
  callbacks: MutationCallbacks<Wire<Client>, ClientChanges>,
): UseMutationResult<Wire<Client>, Error, ClientChanges> {
  return useFeatureMutation(
    (changes: ClientChanges) => updateClient(clientId, changes),
    (queryClient, updated) => {
      queryClient.setQueryData(clientKeys.detail(clientId), updated);
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
    callbacks,
  );
}

/** The code is shown where it arrives and nowhere else; nothing cached changes. */
export function useIssueSignUpCode(
  clientId: string,
): UseMutationResult<Wire<IssuedSignUpCode>, Error, void> {
  return useFeatureMutation(() => issueSignUpCode(clientId), noCacheEffects);
}

/** A new episode shows in the client's episodes, the timeline and the caseload. */
export function useStartEpisode(
  callbacks: MutationCallbacks<Wire<Episode>, CreateEpisodeInput>,
): UseMutationResult<Wire<Episode>, Error, CreateEpisodeInput> {
  return useFeatureMutation(
    startEpisode,
    (queryClient, episode) => {
      void queryClient.invalidateQueries({ queryKey: episodeKeys.all });
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
      void queryClient.invalidateQueries({ queryKey: clientKeys.detail(episode.clientId) });
    },
    callbacks,
  );
}
