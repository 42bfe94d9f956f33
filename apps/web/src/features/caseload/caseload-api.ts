import { api } from '../../api/client';
import type { Client, Page } from '../../api/types';

export const clientsKey = ['clients'] as const;

export function listClients(cursor: string | null): Promise<Page<Client>> {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<Page<Client>>(`/clients?${params.toString()}`);
}

export function getClient(id: string): Promise<Client> {
  return api<Client>(`/clients/${encodeURIComponent(id)}`);
}

export function inviteClient(input: { displayName: string; email: string }): Promise<Client> {
  return api<Client>('/clients', { method: 'POST', body: input });
}
