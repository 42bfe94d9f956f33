import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Homework, Wire } from '@throughline/contracts';
import type { PortalPreferences, SafeContact } from '../../api/care-types';
import { api } from '../../api/client';
import type { Portal } from '../../api/types';

export const portalKey = ['portal'] as const;

export function getPortal(): Promise<Portal> {
  return api<Portal>('/portal');
}

export function completeHomework(id: string, comment?: string): Promise<Wire<Homework>> {
  return api<Wire<Homework>>(`/homework/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    body: comment ? { comment } : {},
  });
}

/** Done homework moves to the portal home's "done" list. */
export function useCompleteHomework(): UseMutationResult<
  Wire<Homework>,
  Error,
  { id: string; comment?: string | undefined }
> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment?: string | undefined }) =>
      completeHomework(id, comment),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalKey }),
  });
}

export type PreferencesInput = { safeContact?: Partial<SafeContact>; timeZone?: string };

/** Changes the given preferences (at least one) and returns them all. */
export function updatePreferences(input: PreferencesInput): Promise<PortalPreferences> {
  return api<PortalPreferences>('/portal/preferences', { method: 'PATCH', body: input });
}
