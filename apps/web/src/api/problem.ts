import type { Problem as ProblemBody, Wire } from '@throughline/contracts';

export type Problem = Wire<ProblemBody>;
export type FieldError = NonNullable<Problem['errors']>[number];

/** An error from the API, carrying the problem+json body when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail ?? problem?.title ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/** The sentence to show a person for any error thrown by a request. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something went wrong. Please try again.';
}

/** The domain code of a refusal (for example `EPISODE_PHASE_FORBIDS`), when the server sent one. */
export function problemCode(error: unknown): string | undefined {
  return isApiError(error) ? error.problem?.code : undefined;
}
