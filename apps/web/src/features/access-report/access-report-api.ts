import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type { AccessReport, Wire } from '@throughline/contracts';
import { api } from '../../api/client';

// Who accessed a client's record (HIPAA 164.528): the client's own, and the practice's view.

export const accessReportKeys = {
  own: ['access-report'] as const,
  ofClient: (clientId: string) => ['clients', clientId, 'access-report'] as const,
};

const PAGE = 50;

function withCursor(path: string, cursor: string | null): string {
  return `${path}?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
}

export function getOwnAccessReport(cursor: string | null): Promise<Wire<AccessReport>> {
  return api<Wire<AccessReport>>(withCursor('/portal/access-report', cursor));
}

export function getClientAccessReport(
  clientId: string,
  cursor: string | null,
): Promise<Wire<AccessReport>> {
  return api<Wire<AccessReport>>(
    withCursor(`/clients/${encodeURIComponent(clientId)}/access-report`, cursor),
  );
}

export type AccessReportPages = UseInfiniteQueryResult<InfiniteData<Wire<AccessReport>>>;

/** The signed-in client's report, or (with a client id) that client's for the practice. */
export function useAccessReport(clientId?: string, enabled = true): AccessReportPages {
  return useInfiniteQuery({
    enabled,
    queryKey: clientId ? accessReportKeys.ofClient(clientId) : accessReportKeys.own,
    queryFn: ({ pageParam }) =>
      clientId ? getClientAccessReport(clientId, pageParam) : getOwnAccessReport(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
