import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Me, Wire } from '@throughline/contracts';
import { getMe, meKey } from './auth-api';

export function useMe(): UseQueryResult<Wire<Me>> {
  return useQuery({ queryKey: meKey, queryFn: getMe, staleTime: 60_000 });
}

/** For components rendered inside the signed-in layout, where `me` has already loaded. */
export function useSignedInUser(): Wire<Me> {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInUser used outside the signed-in layout');
  return data;
}
