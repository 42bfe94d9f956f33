import type { UseMutationResult } from '@tanstack/react-query';
import type { RiskPhrases, SaveRiskPhrasesInput, Wire } from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';

export const riskPhrasesKey = ['practice', 'risk-phrases'] as const;

/** The shipped lists, the practice's changes and the lists the screen uses. */
export function getRiskPhrases(): Promise<Wire<RiskPhrases>> {
  return api<Wire<RiskPhrases>>('/risk-phrases');
}

/** Saving is a new version of the practice's lists (409 when someone saved in between). */
export function useSaveRiskPhrases(
  callbacks: MutationCallbacks<Wire<RiskPhrases>, SaveRiskPhrasesInput>,
): UseMutationResult<Wire<RiskPhrases>, Error, SaveRiskPhrasesInput> {
  return useFeatureMutation(
    (input: SaveRiskPhrasesInput) =>
      api<Wire<RiskPhrases>>('/risk-phrases', { method: 'PUT', body: input }),
    (queryClient, saved) => queryClient.setQueryData(riskPhrasesKey, saved),
    callbacks,
  );
}
