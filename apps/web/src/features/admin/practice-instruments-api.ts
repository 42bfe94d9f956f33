import type { UseMutationResult } from '@tanstack/react-query';
import type {
  ImportInstrumentRequest,
  PracticeInstrument,
  PracticeInstrumentList,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, noCacheEffects, useFeatureMutation } from '../../api/mutation';

/** The practice's own questionnaires (also read by the measurement plan's choices). */
export const practiceInstrumentsKey = ['practice', 'instruments'] as const;

export function listPracticeInstruments(): Promise<Wire<PracticeInstrumentList>> {
  return api<Wire<PracticeInstrumentList>>('/instruments/custom');
}

function previewInstrument(input: ImportInstrumentRequest): Promise<Wire<PracticeInstrument>> {
  return api<Wire<PracticeInstrument>>('/instruments/custom/preview', {
    method: 'POST',
    body: input,
  });
}

function importInstrument(input: ImportInstrumentRequest): Promise<Wire<PracticeInstrument>> {
  return api<Wire<PracticeInstrument>>('/instruments/custom', { method: 'POST', body: input });
}

function retireInstrument(key: string): Promise<Wire<PracticeInstrument>> {
  return api<Wire<PracticeInstrument>>(`/instruments/custom/${encodeURIComponent(key)}/retire`, {
    method: 'POST',
  });
}

/** A check only: nothing is stored, so nothing in the cache changes. */
export function usePreviewInstrument(
  callbacks: MutationCallbacks<Wire<PracticeInstrument>, ImportInstrumentRequest> = {},
): UseMutationResult<Wire<PracticeInstrument>, Error, ImportInstrumentRequest> {
  return useFeatureMutation(previewInstrument, noCacheEffects, callbacks);
}

export function useImportInstrument(
  callbacks: MutationCallbacks<Wire<PracticeInstrument>, ImportInstrumentRequest>,
): UseMutationResult<Wire<PracticeInstrument>, Error, ImportInstrumentRequest> {
  return useFeatureMutation(
    importInstrument,
    (queryClient) => void queryClient.invalidateQueries({ queryKey: practiceInstrumentsKey }),
    callbacks,
  );
}

export function useRetireInstrument(
  callbacks: MutationCallbacks<Wire<PracticeInstrument>, string> = {},
): UseMutationResult<Wire<PracticeInstrument>, Error, string> {
  return useFeatureMutation(
    retireInstrument,
    (queryClient) => void queryClient.invalidateQueries({ queryKey: practiceInstrumentsKey }),
    callbacks,
  );
}
