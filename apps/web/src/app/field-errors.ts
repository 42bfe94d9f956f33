import { isApiError } from '../api/problem';

type FormWithErrors = { setFieldError: (path: string, error: string) => void };

/**
 * Puts the server's per-field validation messages next to the matching inputs.
 * Returns true when at least one message found its field.
 */
export function applyFieldErrors(form: FormWithErrors, error: unknown, fields: string[]): boolean {
  if (!isApiError(error) || !error.problem?.errors) return false;
  let applied = false;
  for (const item of error.problem.errors) {
    const path = item.path.replace(/^\/?(body\/)?/, '').replace(/\//g, '.');
    if (fields.includes(path)) {
      form.setFieldError(path, item.message);
      applied = true;
    }
  }
  return applied;
}
