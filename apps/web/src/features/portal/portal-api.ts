import type { PortalPreferences, SafeContact } from '../../api/care-types';
import { api } from '../../api/client';
import type { Homework } from '../../api/note-types';
import type { Portal } from '../../api/types';

export const portalKey = ['portal'] as const;

export function getPortal(): Promise<Portal> {
  return api<Portal>('/portal');
}

export function completeHomework(id: string, comment?: string): Promise<Homework> {
  return api<Homework>(`/homework/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    body: comment ? { comment } : {},
  });
}

export type PreferencesInput = { safeContact?: Partial<SafeContact>; timeZone?: string };

/** Changes the given preferences (at least one) and returns them all. */
export function updatePreferences(input: PreferencesInput): Promise<PortalPreferences> {
  return api<PortalPreferences>('/portal/preferences', { method: 'PATCH', body: input });
}
