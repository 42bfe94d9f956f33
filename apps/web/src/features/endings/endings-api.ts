import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type {
  Destruction,
  Ending,
  PortalClosureLetter,
  RecordEndingInput,
  RetentionDueItem,
  RetentionSettings,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';
import { isApiError } from '../../api/problem';

const enc = encodeURIComponent;

/** The ending and letter live under the episode's key, so a phase move refreshes them too. */
export const endingKeys = {
  ending: (episodeId: string) => ['episodes', episodeId, 'ending'] as const,
  letter: (episodeId: string) => ['episodes', episodeId, 'closure-letter'] as const,
  retentionSettings: ['retention', 'settings'] as const,
  retentionDue: ['retention', 'due'] as const,
};

/** A 404 means "none": no ending recorded yet, no closure letter for this episode. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useEnding(episodeId: string): UseQueryResult<Wire<Ending> | null> {
  return useQuery({
    queryKey: endingKeys.ending(episodeId),
    queryFn: () => orNull(api<Wire<Ending>>(`/episodes/${enc(episodeId)}/ending`)),
  });
}

/** Recording the ending moves the phase too: the whole episode reloads. */
export function useRecordEnding(
  episodeId: string,
  callbacks?: MutationCallbacks<Wire<Ending>, RecordEndingInput>,
) {
  return useFeatureMutation(
    (input: RecordEndingInput) =>
      api<Wire<Ending>>(`/episodes/${enc(episodeId)}/ending`, { method: 'POST', body: input }),
    (qc, data) => {
      qc.setQueryData(endingKeys.ending(episodeId), data);
      void qc.invalidateQueries({ queryKey: ['episodes'] });
    },
    callbacks,
  );
}

export function closureLetterQuery(episodeId: string) {
  return {
    queryKey: endingKeys.letter(episodeId),
    queryFn: () =>
      orNull(api<Wire<PortalClosureLetter>>(`/episodes/${enc(episodeId)}/closure-letter`)),
    retry: false,
  };
}

export function useRetentionSettings(): UseQueryResult<RetentionSettings> {
  return useQuery({
    queryKey: endingKeys.retentionSettings,
    queryFn: () => api<RetentionSettings>('/retention/settings'),
  });
}

/** A change of the numbers moves every retention date at once: the review list reloads. */
export function useUpdateRetentionSettings(
  callbacks?: MutationCallbacks<RetentionSettings, Partial<RetentionSettings>>,
) {
  return useFeatureMutation(
    (input: Partial<RetentionSettings>) =>
      api<RetentionSettings>('/retention/settings', { method: 'PATCH', body: input }),
    (qc, data) => {
      qc.setQueryData(endingKeys.retentionSettings, data);
      void qc.invalidateQueries({ queryKey: endingKeys.retentionDue });
    },
    callbacks,
  );
}

export function useRetentionDue(): UseQueryResult<Wire<RetentionDueItem>[]> {
  return useQuery({
    queryKey: endingKeys.retentionDue,
    queryFn: () => api<{ items: Wire<RetentionDueItem>[] }>('/retention/due'),
    select: (data) => data.items,
  });
}

export function useDestroyEpisode(
  episodeId: string,
  callbacks?: MutationCallbacks<Wire<Destruction>, string>,
) {
  return useFeatureMutation(
    (confirm: string) =>
      api<Wire<Destruction>>(`/episodes/${enc(episodeId)}/destroy`, {
        method: 'POST',
        body: { confirm },
      }),
    (qc) => {
      void qc.invalidateQueries({ queryKey: endingKeys.retentionDue });
      void qc.invalidateQueries({ queryKey: ['episodes', episodeId] });
    },
    callbacks,
  );
}
