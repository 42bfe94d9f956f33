import { queryOptions } from '@tanstack/react-query';
import type {
  AftercareItem,
  AnswerCheckIn,
  CheckIn,
  CheckInDraft,
  CrisisResources,
  PortalCheckIn,
  SavedCheckInDraft,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { useFeatureMutation } from '../../api/mutation';

const enc = encodeURIComponent;

export type AnsweredCheckIn = { checkIn: CheckIn; crisisResources: CrisisResources | null };
export type AftercareList = { items: AftercareItem[]; open: number };

export const checkInKeys = {
  episode: (episodeId: string) => ['episodes', episodeId, 'check-ins'] as const,
  portal: ['portal', 'check-ins'] as const,
  aftercare: ['aftercare'] as const,
};

export function episodeCheckInsQuery(episodeId: string) {
  return queryOptions({
    queryKey: checkInKeys.episode(episodeId),
    queryFn: () =>
      api<{ items: Wire<CheckIn>[] }>(`/episodes/${enc(episodeId)}/check-ins`).then((r) => r.items),
  });
}

export function portalCheckInsQuery() {
  return queryOptions({
    queryKey: checkInKeys.portal,
    queryFn: () => api<{ items: Wire<PortalCheckIn>[] }>('/portal/check-ins').then((r) => r.items),
  });
}

/** The check-in form's autosave: the answers so far (`keepalive` when the page is closing). */
export function saveCheckInDraft(
  id: string,
  draft: CheckInDraft,
  options: { keepalive?: boolean } = {},
): Promise<Wire<SavedCheckInDraft>> {
  return api<Wire<SavedCheckInDraft>>(`/portal/check-ins/${enc(id)}/draft`, {
    method: 'PUT',
    body: draft,
    keepalive: options.keepalive,
  });
}

export function aftercareQuery() {
  return queryOptions({
    queryKey: checkInKeys.aftercare,
    queryFn: () => api<Wire<AftercareList>>('/aftercare'),
  });
}

export function useAnswerCheckIn(checkInId: string) {
  return useFeatureMutation(
    (input: AnswerCheckIn) =>
      api<Wire<AnsweredCheckIn>>(`/portal/check-ins/${enc(checkInId)}/answer`, {
        method: 'POST',
        body: input,
      }),
    // Not refreshed at once: the page keeps the answered check-in to show what comes next.
    (queryClient) =>
      void queryClient.invalidateQueries({ queryKey: ['portal'], refetchType: 'none' }),
  );
}

export function useWithdrawCheckIns() {
  return useFeatureMutation(
    (input: { episodeId: string }) =>
      api<{ cancelled: number }>('/portal/check-ins/withdraw', { method: 'POST', body: input }),
    (queryClient) => void queryClient.invalidateQueries({ queryKey: ['portal'] }),
  );
}

export function useHandleAftercareItem() {
  return useFeatureMutation(
    (itemId: string) =>
      api<{ id: string }>(`/aftercare/${enc(itemId)}/handled`, { method: 'POST', body: {} }),
    (queryClient) => void queryClient.invalidateQueries({ queryKey: checkInKeys.aftercare }),
  );
}

export type OfferBooster = {
  episodeId: string;
  startsAt: string;
  queueItemId: string;
  durationMinutes?: number;
};

export function useOfferBooster() {
  return useFeatureMutation(
    ({ episodeId, ...body }: OfferBooster) =>
      api<{ appointmentId: string }>(`/episodes/${enc(episodeId)}/booster`, {
        method: 'POST',
        body,
      }),
    (queryClient, _data, vars) => {
      void queryClient.invalidateQueries({ queryKey: checkInKeys.aftercare });
      void queryClient.invalidateQueries({ queryKey: ['episodes', vars.episodeId] });
    },
  );
}
