import {
  type QueryClient,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';

/** What a component adds to a feature's mutation: its own reaction to the answer. */
export type MutationCallbacks<TData, TVars> = {
  onSuccess?: (data: TData, variables: TVars) => void;
  onError?: (error: Error) => void;
  onSettled?: () => void;
};

/** How a mutation changes the cache once it succeeded (invalidate, set), declared per feature. */
export type CacheEffects<TData, TVars> = (
  queryClient: QueryClient,
  data: TData,
  variables: TVars,
) => void;

/**
 * A feature's mutation hook: the feature's `*-api.ts` says what the call changes in the cache,
 * so components never invalidate or set queries themselves.
 */
export function useFeatureMutation<TData, TVars = void>(
  mutationFn: (variables: TVars) => Promise<TData>,
  effects: CacheEffects<TData, TVars>,
  callbacks: MutationCallbacks<TData, TVars> = {},
  meta?: Record<string, unknown>,
): UseMutationResult<TData, Error, TVars> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta,
    onSuccess: (data, variables) => {
      effects(queryClient, data, variables);
      callbacks.onSuccess?.(data, variables);
    },
    onError: (error) => callbacks.onError?.(error),
    onSettled: () => callbacks.onSettled?.(),
  });
}

/** No cache change: the answer is used where it arrives (a one-off check, a new secret). */
export const noCacheEffects = (): void => undefined;
