import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { EndingPlan, ProposeEndingPlan, Wire } from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';
import { isApiError } from '../../api/problem';

export const endingPlanKeys = {
  plan: (episodeId: string) => ['ending-plan', episodeId] as const,
};

const base = (episodeId: string) => `/episodes/${encodeURIComponent(episodeId)}/ending-plan`;

/** The current ending plan, or null when none has been proposed yet (a 404). */
export async function getEndingPlan(episodeId: string): Promise<Wire<EndingPlan> | null> {
  try {
    return await api<Wire<EndingPlan>>(base(episodeId));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useEndingPlan(
  episodeId: string | undefined,
): UseQueryResult<Wire<EndingPlan> | null> {
  return useQuery({
    queryKey: endingPlanKeys.plan(episodeId ?? ''),
    queryFn: () => getEndingPlan(episodeId ?? ''),
    enabled: Boolean(episodeId),
  });
}

export function useProposeEndingPlan(
  episodeId: string,
  callbacks?: MutationCallbacks<Wire<EndingPlan>, ProposeEndingPlan>,
) {
  return useFeatureMutation(
    (input: ProposeEndingPlan) =>
      api<Wire<EndingPlan>>(base(episodeId), { method: 'POST', body: input }),
    (qc, data) => qc.setQueryData(endingPlanKeys.plan(episodeId), data),
    callbacks,
  );
}

/** Accepting may move the episode to ending and rewrite its sessions: those reload too. */
export function useAcceptEndingPlan(
  episodeId: string,
  callbacks?: MutationCallbacks<Wire<EndingPlan>, number>,
) {
  return useFeatureMutation(
    (version: number) =>
      api<Wire<EndingPlan>>(`${base(episodeId)}/accept`, { method: 'POST', body: { version } }),
    (qc, data) => {
      qc.setQueryData(endingPlanKeys.plan(episodeId), data);
      void qc.invalidateQueries();
    },
    callbacks,
  );
}
