import { queryOptions, type UseMutationResult } from '@tanstack/react-query';
import type {
  BoundaryEntry,
  ConsentDocument,
  ConsentKind,
  ConsentSignature,
  Cover,
  CoverList,
  PortalConsentItem,
  PortalCover,
  SupervisedEpisode,
  SupervisionAssignment,
  SupervisionPart,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';

/** Consent, supervision, cover and the boundary log (issue 10). */

const enc = encodeURIComponent;

export const consentKeys = {
  portal: ['portal', 'consents'] as const,
  portalCover: ['portal', 'cover'] as const,
  documents: ['consent-documents'] as const,
  supervised: ['supervision', 'episodes'] as const,
  boundaryLog: (episodeId: string) => ['episodes', episodeId, 'boundary-log'] as const,
};

export function portalConsentsQuery() {
  return queryOptions({
    queryKey: consentKeys.portal,
    queryFn: () => api<{ items: Wire<PortalConsentItem>[] }>('/portal/consents'),
    select: (data) => data.items,
  });
}

export function portalCoverQuery() {
  return queryOptions({
    queryKey: consentKeys.portalCover,
    queryFn: () => api<{ items: Wire<PortalCover>[] }>('/portal/cover'),
    select: (data) => data.items,
  });
}

export function supervisedEpisodesQuery() {
  return queryOptions({
    queryKey: consentKeys.supervised,
    queryFn: () => api<{ items: Wire<SupervisedEpisode>[] }>('/supervision/episodes'),
    select: (data) => data.items,
  });
}

export function boundaryLogQuery(episodeId: string) {
  return queryOptions({
    queryKey: consentKeys.boundaryLog(episodeId),
    queryFn: () =>
      api<{ items: Wire<BoundaryEntry>[] }>(`/episodes/${enc(episodeId)}/boundary-log`),
    select: (data) => data.items,
  });
}

export function consentDocumentsQuery() {
  return queryOptions({
    queryKey: consentKeys.documents,
    queryFn: () => api<{ items: Wire<ConsentDocument>[] }>('/consent-documents'),
    select: (data) => data.items,
  });
}

export type SignInput = { kind: ConsentKind; version: number; signedName: string };

export function useSignConsent(
  callbacks?: MutationCallbacks<Wire<ConsentSignature>, SignInput>,
): UseMutationResult<Wire<ConsentSignature>, Error, SignInput> {
  return useFeatureMutation(
    (body: SignInput) => api<Wire<ConsentSignature>>('/portal/consents', { method: 'POST', body }),
    (qc) => void qc.invalidateQueries({ queryKey: consentKeys.portal }),
    callbacks,
  );
}

export function useWithdrawConsent(): UseMutationResult<Wire<ConsentSignature>, Error, string> {
  return useFeatureMutation(
    (id: string) =>
      api<Wire<ConsentSignature>>(`/portal/consents/${enc(id)}/withdraw`, { method: 'POST' }),
    (qc) => void qc.invalidateQueries({ queryKey: consentKeys.portal }),
  );
}

export type BoundaryInput = {
  kind: BoundaryEntry['kind'];
  assessment: BoundaryEntry['assessment'];
  occurredOn: string;
  description: string;
  reflection: string;
  consultation: string;
  codeClause: string;
  followUp: string;
};

export function useAddBoundaryEntry(
  episodeId: string,
  callbacks?: MutationCallbacks<Wire<BoundaryEntry>, BoundaryInput>,
): UseMutationResult<Wire<BoundaryEntry>, Error, BoundaryInput> {
  return useFeatureMutation(
    (body: BoundaryInput) =>
      api<Wire<BoundaryEntry>>(`/episodes/${enc(episodeId)}/boundary-log`, {
        method: 'POST',
        body,
      }),
    (qc) => void qc.invalidateQueries({ queryKey: consentKeys.boundaryLog(episodeId) }),
    callbacks,
  );
}

export type PublishInput = {
  kind: ConsentKind;
  title: string;
  body: string;
  shares: SupervisionPart[];
};

export function usePublishConsent(
  callbacks?: MutationCallbacks<Wire<ConsentDocument>, PublishInput>,
): UseMutationResult<Wire<ConsentDocument>, Error, PublishInput> {
  return useFeatureMutation(
    (body: PublishInput) =>
      api<Wire<ConsentDocument>>('/consent-documents', { method: 'POST', body }),
    (qc) => void qc.invalidateQueries({ queryKey: consentKeys.documents }),
    callbacks,
  );
}

export const supervisionKeys = {
  assignments: ['supervision', 'assignments'] as const,
  cover: ['cover'] as const,
};

export function assignmentsQuery() {
  return queryOptions({
    queryKey: supervisionKeys.assignments,
    queryFn: () => api<{ items: Wire<SupervisionAssignment>[] }>('/supervision/assignments'),
    select: (data) => data.items,
  });
}

export type AssignInput = { supervisorId: string; therapistId: string };

export function useAssignSupervisor(
  callbacks?: MutationCallbacks<Wire<SupervisionAssignment>, AssignInput>,
): UseMutationResult<Wire<SupervisionAssignment>, Error, AssignInput> {
  return useFeatureMutation(
    (body: AssignInput) =>
      api<Wire<SupervisionAssignment>>('/supervision/assignments', { method: 'POST', body }),
    (qc) => void qc.invalidateQueries({ queryKey: supervisionKeys.assignments }),
    callbacks,
  );
}

export function useUnassignSupervisor(): UseMutationResult<void, Error, string> {
  return useFeatureMutation(
    (id: string) => api<void>(`/supervision/assignments/${enc(id)}`, { method: 'DELETE' }),
    (qc) => void qc.invalidateQueries({ queryKey: supervisionKeys.assignments }),
  );
}

export function coverQuery() {
  return queryOptions({
    queryKey: supervisionKeys.cover,
    queryFn: () => api<Wire<CoverList>>('/cover'),
  });
}

export type CoverInput = {
  designeeId: string;
  startsAt: string;
  endsAt: string;
  episodeIds: string[];
};

export function useArrangeCover(
  callbacks?: MutationCallbacks<Wire<Cover>, CoverInput>,
): UseMutationResult<Wire<Cover>, Error, CoverInput> {
  return useFeatureMutation(
    (body: CoverInput) => api<Wire<Cover>>('/cover', { method: 'POST', body }),
    (qc) => void qc.invalidateQueries({ queryKey: supervisionKeys.cover }),
    callbacks,
  );
}

export function useCancelCover(): UseMutationResult<Wire<Cover>, Error, string> {
  return useFeatureMutation(
    (id: string) => api<Wire<Cover>>(`/cover/${enc(id)}/cancel`, { method: 'POST' }),
    (qc) => void qc.invalidateQueries({ queryKey: supervisionKeys.cover }),
  );
}
