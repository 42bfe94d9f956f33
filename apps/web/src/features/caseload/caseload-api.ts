import type { UseMutationResult } from '@tanstack/react-query';
import type {
  Caseload,
  Client,
  CreateClientInput,
  InvitedClient,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';

export const caseloadKeys = {
  all: ['caseload'] as const,
};
/** The clients list shares the clients' prefix, so a change to one client refreshes it. */
export const clientListKey = ['clients'] as const;

type Page<T> = { items: T[]; nextCursor: string | null };

export function listClients(cursor: string | null): Promise<Wire<Page<Client>>> {
  const params = new URLSearchParams({ limit: '200' });
  if (cursor) params.set('cursor', cursor);
  return api<Wire<Page<Client>>>(`/clients?${params.toString()}`);
}

export function getCaseload(): Promise<Wire<Caseload>> {
  return api<Wire<Caseload>>('/caseload');
}

export function inviteClient(input: CreateClientInput): Promise<Wire<InvitedClient>> {
  return api<Wire<InvitedClient>>('/clients', { method: 'POST', body: input });
}

// Hooks: each says what it changes in the cache.

export function useInviteClient(
  callbacks: MutationCallbacks<Wire<InvitedClient>, CreateClientInput>,
): UseMutationResult<Wire<InvitedClient>, Error, CreateClientInput> {
  return useFeatureMutation(
    inviteClient,
    (queryClient) => {
      void queryClient.invalidateQueries({ queryKey: clientListKey });
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
    },
    callbacks,
  );
}
