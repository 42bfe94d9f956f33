import { queryOptions, type UseMutationResult } from '@tanstack/react-query';
import type {
  SessionDetail,
  SessionNoteStarted,
  StartSessionNoteRequest,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';
import { caseloadKeys } from '../caseload/caseload-api';
import { episodeKeys } from '../episodes/episodes-api';

const enc = encodeURIComponent;

/**
 * Under the episodes prefix, so whatever refreshes an episode's sessions (attendance, a
 * cancellation, a new note) refreshes the session page too.
 */
export const sessionKeys = {
  detail: (appointmentId: string) => [...episodeKeys.all, 'session', appointmentId] as const,
};

export function getSession(appointmentId: string): Promise<Wire<SessionDetail>> {
  return api<Wire<SessionDetail>>(`/appointments/${enc(appointmentId)}/session`);
}

/** Always fresh when the page opens: the note may have been signed a moment ago. */
export function sessionQuery(appointmentId: string | null | undefined) {
  return queryOptions({
    queryKey: sessionKeys.detail(appointmentId ?? ''),
    queryFn: () => getSession(appointmentId ?? ''),
    enabled: !!appointmentId,
    staleTime: 0,
  });
}

export function startSessionNote(
  appointmentId: string,
  input: StartSessionNoteRequest,
): Promise<Wire<SessionNoteStarted>> {
  return api<Wire<SessionNoteStarted>>(`/appointments/${enc(appointmentId)}/notes`, {
    method: 'POST',
    body: input,
  });
}

/** "Write the note": attendance and the new draft show on the episode and in the caseload. */
export function useStartSessionNote(
  appointmentId: string,
  callbacks: MutationCallbacks<Wire<SessionNoteStarted>, StartSessionNoteRequest>,
): UseMutationResult<Wire<SessionNoteStarted>, Error, StartSessionNoteRequest> {
  return useFeatureMutation(
    (input: StartSessionNoteRequest) => startSessionNote(appointmentId, input),
    (queryClient) => {
      void queryClient.invalidateQueries({ queryKey: episodeKeys.all });
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
    },
    callbacks,
  );
}
