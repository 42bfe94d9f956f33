import { type UseMutationResult, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type {
  PendingRecordRequestList,
  RecordCopyState,
  RecordRequest,
  RefuseRecordRequest,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';

// The client's own copy of their record (issue 12): docs/own-copy.md.

export const recordCopyKeys = {
  own: ['portal', 'record'] as const,
  pending: ['record-requests'] as const,
};

/** Where the browser downloads the copies (plain links: the session cookie goes with them). */
export const OWN_COPY_PDF = '/api/v1/portal/export.pdf';
export const OWN_COPY_FHIR = '/api/v1/portal/export.fhir.json';
export const reviewCopyUrl = (clientId: string): string =>
  `/api/v1/clients/${encodeURIComponent(clientId)}/record-copy.pdf`;

export function useOwnCopyState(): UseQueryResult<Wire<RecordCopyState>> {
  return useQuery({
    queryKey: recordCopyKeys.own,
    queryFn: () => api<Wire<RecordCopyState>>('/portal/record'),
  });
}

export function useRequestOwnCopy(
  callbacks: MutationCallbacks<Wire<RecordRequest>, void> = {},
): UseMutationResult<Wire<RecordRequest>, Error, void> {
  return useFeatureMutation(
    () => api<Wire<RecordRequest>>('/portal/record-requests', { method: 'POST' }),
    (queryClient) => void queryClient.invalidateQueries({ queryKey: recordCopyKeys.own }),
    callbacks,
  );
}

export function usePendingRecordRequests(): UseQueryResult<Wire<PendingRecordRequestList>> {
  return useQuery({
    queryKey: recordCopyKeys.pending,
    queryFn: () => api<Wire<PendingRecordRequestList>>('/record-requests'),
  });
}

type Decision = { id: string; refuse?: RefuseRecordRequest };

/** Releases the request, or refuses it with a reason when `refuse` is given. */
export function useDecideRecordRequest(
  callbacks: MutationCallbacks<Wire<RecordRequest>, Decision> = {},
): UseMutationResult<Wire<RecordRequest>, Error, Decision> {
  return useFeatureMutation(
    ({ id, refuse }: Decision) =>
      api<Wire<RecordRequest>>(
        `/record-requests/${encodeURIComponent(id)}/${refuse ? 'refuse' : 'release'}`,
        refuse ? { method: 'POST', body: refuse } : { method: 'POST' },
      ),
    (queryClient) => void queryClient.invalidateQueries({ queryKey: recordCopyKeys.pending }),
    callbacks,
  );
}
