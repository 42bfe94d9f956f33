import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Enrolment,
  Invitation,
  Me,
  NextStep,
  PasswordResetAccepted,
  RedeemSignUpCodeInput,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, noCacheEffects, useFeatureMutation } from '../../api/mutation';
import { markSignedIn, markSignedOut } from '../../api/session';

export const meKey = ['me'] as const;
export const invitationKeys = {
  detail: (token: string) => ['invitation', token] as const,
};

/** Signing in and its steps answer 401 for wrong credentials, not for an ended session. */
const publicCall = { allowUnauthorized: true };

export function getMe(): Promise<Wire<Me>> {
  return api<Wire<Me>>('/me');
}

export function signIn(input: { email: string; password: string }): Promise<Wire<NextStep>> {
  return api<Wire<NextStep>>('/auth/sign-in', { method: 'POST', body: input });
}

/** Joins with a sign-up code: the server signs the new client in (or asks for the next step). */
export function redeemSignUpCode(input: RedeemSignUpCodeInput): Promise<Wire<NextStep>> {
  return api<Wire<NextStep>>('/auth/sign-up-code', { method: 'POST', body: input });
}

export function verifyTwoFactor(code: string): Promise<Wire<NextStep>> {
  return api<Wire<NextStep>>('/auth/two-factor/verify', { method: 'POST', body: { code } });
}

/** The password, or a current code when two-factor is on: changing two-factor needs one. */
export type Reauthentication = { password: string } | { code: string };

export function startEnrolment(proof: Reauthentication): Promise<Wire<Enrolment>> {
  return api<Wire<Enrolment>>('/auth/two-factor/enrolment', { method: 'POST', body: proof });
}

export function confirmEnrolment(code: string): Promise<Wire<NextStep>> {
  return api<Wire<NextStep>>('/auth/two-factor/enrolment/confirm', {
    method: 'POST',
    body: { code },
  });
}

export function signOut(): Promise<void> {
  return api<void>('/auth/sign-out', { method: 'POST' });
}

export function getInvitation(token: string): Promise<Wire<Invitation>> {
  return api<Wire<Invitation>>(`/invitations/${encodeURIComponent(token)}`);
}

export function acceptInvitation(token: string, password: string): Promise<void> {
  return api<void>(`/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    body: { password },
  });
}

export function requestPasswordReset(email: string): Promise<Wire<PasswordResetAccepted>> {
  return api<Wire<PasswordResetAccepted>>('/auth/password-reset', {
    method: 'POST',
    body: { email },
  });
}

export function completePasswordReset(token: string, password: string): Promise<void> {
  return api<void>('/auth/password-reset/complete', { method: 'POST', body: { token, password } });
}

// Hooks: what each call changes in the cache is said here, not in the components.

export function useInvitation(token: string): UseQueryResult<Wire<Invitation>> {
  return useQuery({
    queryKey: invitationKeys.detail(token),
    queryFn: () => getInvitation(token),
    meta: publicCall,
  });
}

export function useSignIn(
  callbacks: MutationCallbacks<Wire<NextStep>, { email: string; password: string }>,
): UseMutationResult<Wire<NextStep>, Error, { email: string; password: string }> {
  return useFeatureMutation(signIn, noCacheEffects, callbacks, publicCall);
}

export function useRedeemSignUpCode(
  callbacks: MutationCallbacks<Wire<NextStep>, RedeemSignUpCodeInput>,
): UseMutationResult<Wire<NextStep>, Error, RedeemSignUpCodeInput> {
  return useFeatureMutation(redeemSignUpCode, noCacheEffects, callbacks, publicCall);
}

export function useVerifyTwoFactor(
  callbacks: MutationCallbacks<Wire<NextStep>, string>,
): UseMutationResult<Wire<NextStep>, Error, string> {
  return useFeatureMutation(verifyTwoFactor, noCacheEffects, callbacks, publicCall);
}

export function useStartEnrolment(): UseMutationResult<Wire<Enrolment>, Error, Reauthentication> {
  return useFeatureMutation(startEnrolment, noCacheEffects);
}

/** Confirming turns two-factor on: who the caller is (`me`) changes. */
export function useConfirmEnrolment(
  callbacks: MutationCallbacks<Wire<NextStep>, string>,
): UseMutationResult<Wire<NextStep>, Error, string> {
  return useFeatureMutation(
    confirmEnrolment,
    (queryClient) => void queryClient.invalidateQueries({ queryKey: meKey }),
    callbacks,
    publicCall,
  );
}

export function useAcceptInvitation(
  token: string,
  callbacks: MutationCallbacks<void, string>,
): UseMutationResult<void, Error, string> {
  return useFeatureMutation(
    (password: string) => acceptInvitation(token, password),
    noCacheEffects,
    callbacks,
    publicCall,
  );
}

export function useRequestPasswordReset(): UseMutationResult<
  Wire<PasswordResetAccepted>,
  Error,
  string
> {
  return useFeatureMutation(requestPasswordReset, noCacheEffects, {}, publicCall);
}

export function useCompletePasswordReset(
  token: string,
  callbacks: MutationCallbacks<void, string>,
): UseMutationResult<void, Error, string> {
  return useFeatureMutation(
    (password: string) => completePasswordReset(token, password),
    noCacheEffects,
    callbacks,
    publicCall,
  );
}

/** Once signed in: remember it for this tab and load who the caller is afresh. */
export function useFinishSignIn(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    markSignedIn();
    await queryClient.invalidateQueries({ queryKey: meKey });
  };
}

/**
 * Forgets everything this browser held for the person: `leave` (navigate away) runs before the
 * cache is cleared, so no screen refetches what it just lost.
 */
export function useForgetSession(): (leave: () => void) => void {
  const queryClient = useQueryClient();
  return (leave) => {
    markSignedOut();
    leave();
    queryClient.clear();
  };
}

/** Whatever the server says, signing out leaves this browser signed out. */
export function useSignOut(leave: () => void): UseMutationResult<void, Error, void> {
  const forget = useForgetSession();
  return useMutation({ mutationFn: signOut, meta: publicCall, onSettled: () => forget(leave) });
}
