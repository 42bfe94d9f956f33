import { api } from '../../api/client';
import type { ApiToken, CreatedToken } from '../../api/types';

export const tokensKey = ['tokens'] as const;

export function listTokens(): Promise<{ items: ApiToken[] }> {
  return api('/tokens');
}

export function createToken(input: { name: string; expiresInDays: number }): Promise<CreatedToken> {
  return api<CreatedToken>('/tokens', { method: 'POST', body: input });
}

export function revokeToken(id: string): Promise<void> {
  return api<void>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function changePassword(input: {
  currentPassword: string;
  newPassword: string;
}): Promise<{ sessionsEnded: number }> {
  return api('/me/password', { method: 'POST', body: input });
}

export function signOutEverywhere(): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  return api('/auth/sign-out-everywhere', { method: 'POST' });
}
