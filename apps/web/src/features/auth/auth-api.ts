import { api } from '../../api/client';
import type { Enrolment, Invitation, Me, NextStep } from '../../api/types';

export const meKey = ['me'] as const;

export function getMe(): Promise<Me> {
  return api<Me>('/me');
}

export function signIn(input: { email: string; password: string }): Promise<{ next: NextStep }> {
  return api('/auth/sign-in', { method: 'POST', body: input });
}

export function verifyTwoFactor(code: string): Promise<{ next: NextStep }> {
  return api('/auth/two-factor/verify', { method: 'POST', body: { code } });
}

/** The password, or a current code when two-factor is on: changing two-factor needs one. */
export type Reauthentication = { password: string } | { code: string };

export function startEnrolment(proof: Reauthentication): Promise<Enrolment> {
  return api<Enrolment>('/auth/two-factor/enrolment', { method: 'POST', body: proof });
}

export function confirmEnrolment(code: string): Promise<{ next: NextStep }> {
  return api('/auth/two-factor/enrolment/confirm', { method: 'POST', body: { code } });
}

export function signOut(): Promise<void> {
  return api<void>('/auth/sign-out', { method: 'POST' });
}

export function getInvitation(token: string): Promise<Invitation> {
  return api<Invitation>(`/invitations/${encodeURIComponent(token)}`);
}

export function acceptInvitation(token: string, password: string): Promise<void> {
  return api<void>(`/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    body: { password },
  });
}

export function requestPasswordReset(email: string): Promise<{ accepted: true }> {
  return api('/auth/password-reset', { method: 'POST', body: { email } });
}

export function completePasswordReset(token: string, password: string): Promise<void> {
  return api<void>('/auth/password-reset/complete', { method: 'POST', body: { token, password } });
}
