import type { UseMutationResult } from '@tanstack/react-query';
import type { DateOrder, ImportPreview, ImportResult, Wire } from '@throughline/contracts';
import { upload } from '../../api/client';
import { type MutationCallbacks, noCacheEffects, useFeatureMutation } from '../../api/mutation';
import { caseloadKeys, clientListKey } from '../caseload/caseload-api';

export type ImportRequest = { file: File; dateOrder: DateOrder | null; confirm?: string };

function query(request: ImportRequest): string {
  const params = new URLSearchParams();
  if (request.dateOrder) params.set('dateOrder', request.dateOrder);
  if (request.confirm) params.set('confirm', request.confirm);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function previewImport(request: ImportRequest): Promise<Wire<ImportPreview>> {
  return upload<Wire<ImportPreview>>(`/clients/import/preview${query(request)}`, request.file);
}

export function commitImport(request: ImportRequest): Promise<Wire<ImportResult>> {
  return upload<Wire<ImportResult>>(`/clients/import${query(request)}`, request.file);
}

export function usePreviewImport(
  callbacks?: MutationCallbacks<Wire<ImportPreview>, ImportRequest>,
): UseMutationResult<Wire<ImportPreview>, Error, ImportRequest> {
  return useFeatureMutation(previewImport, noCacheEffects, callbacks);
}

/** The caseload and the clients list show the clients moved in. */
export function useCommitImport(
  callbacks?: MutationCallbacks<Wire<ImportResult>, ImportRequest>,
): UseMutationResult<Wire<ImportResult>, Error, ImportRequest> {
  return useFeatureMutation(
    commitImport,
    (queryClient) => {
      void queryClient.invalidateQueries({ queryKey: clientListKey });
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
    },
    callbacks,
  );
}
