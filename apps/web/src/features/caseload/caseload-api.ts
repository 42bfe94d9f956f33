import type { CaseloadItem, ClientInput } from '../../api/care-types';
import { api } from '../../api/client';
import type { Client, Page } from '../../api/types';

export const clientsKey = ['clients'] as const;
export const caseloadKey = ['caseload'] as const;

export function listClients(cursor: string | null): Promise<Page<Client>> {
  const params = new URLSearchParams({ limit: '200' });
  if (cursor) params.set('cursor', cursor);
  return api<Page<Client>>(`/clients?${params.toString()}`);
}

export function getCaseload(): Promise<{ items: CaseloadItem[] }> {
  return api<{ items: CaseloadItem[] }>('/caseload');
}

export function inviteClient(input: ClientInput): Promise<Client> {
  return api<Client>('/clients', { method: 'POST', body: input });
}
