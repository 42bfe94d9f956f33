import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Homework,
  PortalHome,
  PortalPreferences,
  PortalPreferencesChanges,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';

export const portalKeys = {
  home: ['portal'] as const,
  preferences: ['portal', 'preferences'] as const,
};

/** Kept for the questionnaire page, which reads the home by it. */
export const portalKey = portalKeys.home;

export function getPortal(): Promise<Wire<PortalHome>> {
  return api<Wire<PortalHome>>('/portal');
}

export function completeHomework(id: string, comment?: string): Promise<Wire<Homework>> {
  return api<Wire<Homework>>(`/homework/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    body: comment ? { comment } : {},
  });
}

/** Changes the given preferences (at least one) and returns them all. */
export function updatePreferences(
  input: PortalPreferencesChanges,
): Promise<Wire<PortalPreferences>> {
  return api<Wire<PortalPreferences>>('/portal/preferences', { method: 'PATCH', body: input });
}

export function usePortalHome(): UseQueryResult<Wire<PortalHome>> {
  return useQuery({ queryKey: portalKeys.home, queryFn: getPortal });
}

/** The client's preferences, as the portal home carries them. */
export function usePortalPreferences(): UseQueryResult<Wire<PortalPreferences>> {
  return useQuery({
    queryKey: portalKeys.preferences,
    queryFn: async () => (await getPortal()).preferences,
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
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalKeys.home }),
  });
}

/**
 * Saves one preference at a time. The switch moves at once (the cache holds the new value before
 * the server answers), so a slow answer never makes it flick back.
 */
export function useUpdatePreferences(callbacks: {
  onSuccess?: () => void;
}): UseMutationResult<Wire<PortalPreferences>, Error, PortalPreferencesChanges> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onMutate: (changes) => {
      const current = queryClient.getQueryData<Wire<PortalPreferences>>(portalKeys.preferences);
      if (!current) return;
      queryClient.setQueryData<Wire<PortalPreferences>>(portalKeys.preferences, {
        timeZone: changes.timeZone ?? current.timeZone,
        safeContact: { ...current.safeContact, ...changes.safeContact },
      });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(portalKeys.preferences, saved);
      void queryClient.invalidateQueries({ queryKey: portalKeys.home, exact: true });
      callbacks.onSuccess?.();
    },
  });
}
