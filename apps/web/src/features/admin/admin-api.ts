import type { UseMutationResult } from '@tanstack/react-query';
import type {
  AuditVerification,
  CrisisResources,
  CrisisResourcesInput,
  InviteStaffInput,
  MeasureSettings,
  MeasureSettingsChanges,
  OutboxEmail,
  Practice,
  PracticeChanges,
  User,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, noCacheEffects, useFeatureMutation } from '../../api/mutation';
import { meKey } from '../auth/auth-api';

export const adminKeys = {
  users: ['admin', 'users'] as const,
  outbox: ['admin', 'outbox'] as const,
  practice: ['practice'] as const,
  measureSettings: ['practice', 'measure-settings'] as const,
  crisisResources: ['practice', 'crisis-resources'] as const,
};

type Items<T> = { items: T[] };

export function listUsers(): Promise<Wire<Items<User>>> {
  return api<Wire<Items<User>>>('/admin/users');
}

export function inviteStaff(input: InviteStaffInput): Promise<Wire<User>> {
  return api<Wire<User>>('/admin/users', { method: 'POST', body: input });
}

export function deactivateUser(id: string): Promise<Wire<User>> {
  return api<Wire<User>>(`/admin/users/${encodeURIComponent(id)}/deactivate`, { method: 'POST' });
}

export function reactivateUser(id: string): Promise<Wire<User>> {
  return api<Wire<User>>(`/admin/users/${encodeURIComponent(id)}/reactivate`, { method: 'POST' });
}

export function getPractice(): Promise<Wire<Practice>> {
  return api<Wire<Practice>>('/practice');
}

export function updatePractice(input: PracticeChanges): Promise<Wire<Practice>> {
  return api<Wire<Practice>>('/practice', { method: 'PATCH', body: input });
}

export function getMeasureSettings(): Promise<Wire<MeasureSettings>> {
  return api<Wire<MeasureSettings>>('/practice/measure-settings');
}

export function updateMeasureSettings(
  input: MeasureSettingsChanges,
): Promise<Wire<MeasureSettings>> {
  return api<Wire<MeasureSettings>>('/practice/measure-settings', { method: 'PATCH', body: input });
}

export function listOutbox(): Promise<Wire<Items<OutboxEmail>>> {
  return api<Wire<Items<OutboxEmail>>>('/admin/outbox?limit=50');
}

export function verifyAudit(): Promise<Wire<AuditVerification>> {
  return api<Wire<AuditVerification>>('/admin/audit/verify');
}

// Hooks: each says what it changes in the cache.

export function useInviteStaff(
  callbacks: MutationCallbacks<Wire<User>, InviteStaffInput>,
): UseMutationResult<Wire<User>, Error, InviteStaffInput> {
  return useFeatureMutation(
    inviteStaff,
    (queryClient) => void queryClient.invalidateQueries({ queryKey: adminKeys.users }),
    callbacks,
  );
}

/** Deactivates or reactivates an account, as `deactivate` says. */
export function useChangeAccountAccess(
  callbacks: MutationCallbacks<Wire<User>, { id: string; deactivate: boolean }>,
): UseMutationResult<Wire<User>, Error, { id: string; deactivate: boolean }> {
  return useFeatureMutation(
    ({ id, deactivate }: { id: string; deactivate: boolean }) =>
      deactivate ? deactivateUser(id) : reactivateUser(id),
    (queryClient) => void queryClient.invalidateQueries({ queryKey: adminKeys.users }),
    callbacks,
  );
}

/** The practice's name and zone show in `me` too. */
export function useUpdatePractice(
  callbacks: MutationCallbacks<Wire<Practice>, PracticeChanges>,
): UseMutationResult<Wire<Practice>, Error, PracticeChanges> {
  return useFeatureMutation(
    updatePractice,
    (queryClient, saved) => {
      queryClient.setQueryData(adminKeys.practice, saved);
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
    callbacks,
  );
}

export function useUpdateMeasureSettings(
  callbacks: MutationCallbacks<Wire<MeasureSettings>, MeasureSettingsChanges>,
): UseMutationResult<Wire<MeasureSettings>, Error, MeasureSettingsChanges> {
  return useFeatureMutation(
    updateMeasureSettings,
    (queryClient, saved) => queryClient.setQueryData(adminKeys.measureSettings, saved),
    callbacks,
  );
}

/** A one-off check: its answer is shown where it arrives and never cached. */
export function useVerifyAudit(): UseMutationResult<Wire<AuditVerification>, Error, void> {
  return useFeatureMutation(verifyAudit, noCacheEffects);
}

export function getCrisisResources(): Promise<Wire<CrisisResources>> {
  return api<Wire<CrisisResources>>('/crisis-resources');
}

/** Saving marks the crisis resources verified for the practice's locale. */
export function useUpdateCrisisResources(
  callbacks: MutationCallbacks<Wire<CrisisResources>, CrisisResourcesInput>,
): UseMutationResult<Wire<CrisisResources>, Error, CrisisResourcesInput> {
  return useFeatureMutation(
    (input: CrisisResourcesInput) =>
      api<Wire<CrisisResources>>('/crisis-resources', { method: 'PUT', body: input }),
    (queryClient, saved) => queryClient.setQueryData(adminKeys.crisisResources, saved),
    callbacks,
  );
}
