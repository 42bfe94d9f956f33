import type { UseMutationResult } from '@tanstack/react-query';
import type {
  ApiToken,
  CalendarFeed,
  CreatedToken,
  CreateTokenInput,
  PasswordChanged,
  SignedOutEverywhere,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import {
  type CacheEffects,
  type MutationCallbacks,
  noCacheEffects,
  useFeatureMutation,
} from '../../api/mutation';
import { useForgetSession } from '../auth/auth-api';

export const tokenKeys = {
  all: ['tokens'] as const,
};

type Items<T> = { items: T[] };

export function listTokens(): Promise<Wire<Items<ApiToken>>> {
  return api<Wire<Items<ApiToken>>>('/tokens');
}

export function createToken(input: CreateTokenInput): Promise<Wire<CreatedToken>> {
  return api<Wire<CreatedToken>>('/tokens', { method: 'POST', body: input });
}

export function revokeToken(id: string): Promise<void> {
  return api<void>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function changePassword(input: {
  currentPassword: string;
  newPassword: string;
}): Promise<Wire<PasswordChanged>> {
  return api<Wire<PasswordChanged>>('/me/password', { method: 'POST', body: input });
}

export function signOutEverywhere(): Promise<Wire<SignedOutEverywhere>> {
  return api<Wire<SignedOutEverywhere>>('/auth/sign-out-everywhere', { method: 'POST' });
}

export function createCalendarFeed(): Promise<Wire<CalendarFeed>> {
  return api<Wire<CalendarFeed>>('/calendar-feed', { method: 'POST' });
}

export function revokeCalendarFeed(): Promise<void> {
  return api<void>('/calendar-feed', { method: 'DELETE' });
}

// Hooks: each says what it changes in the cache.

const refreshTokens: CacheEffects<unknown, unknown> = (queryClient) =>
  void queryClient.invalidateQueries({ queryKey: tokenKeys.all });

export function useCreateToken(
  callbacks: MutationCallbacks<Wire<CreatedToken>, CreateTokenInput>,
): UseMutationResult<Wire<CreatedToken>, Error, CreateTokenInput> {
  return useFeatureMutation(createToken, refreshTokens, callbacks);
}

export function useRevokeToken(
  callbacks: MutationCallbacks<void, string>,
): UseMutationResult<void, Error, string> {
  return useFeatureMutation(revokeToken, refreshTokens, callbacks);
}

export function useChangePassword(
  callbacks: MutationCallbacks<
    Wire<PasswordChanged>,
    { currentPassword: string; newPassword: string }
  >,
): UseMutationResult<
  Wire<PasswordChanged>,
  Error,
  { currentPassword: string; newPassword: string }
> {
  return useFeatureMutation(changePassword, noCacheEffects, callbacks);
}

/** Every session ends, this one included: the browser forgets what it held once `leave` ran. */
export function useSignOutEverywhere(
  leave: () => void,
): UseMutationResult<Wire<SignedOutEverywhere>, Error, void> {
  const forget = useForgetSession();
  return useFeatureMutation(signOutEverywhere, () => forget(leave));
}

export function useCreateCalendarFeed(
  callbacks: MutationCallbacks<Wire<CalendarFeed>, void>,
): UseMutationResult<Wire<CalendarFeed>, Error, void> {
  return useFeatureMutation(createCalendarFeed, noCacheEffects, callbacks);
}

export function useRevokeCalendarFeed(
  callbacks: MutationCallbacks<void, void>,
): UseMutationResult<void, Error, void> {
  return useFeatureMutation(revokeCalendarFeed, noCacheEffects, callbacks);
}
