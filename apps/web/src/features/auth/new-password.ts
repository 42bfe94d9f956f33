/**
 * The new-password rule as the server applies it (at least 12 characters; docs/security.md), for
 * every form that sets one: invitation, reset and change.
 */
export const MIN_PASSWORD = 12;

export const NEW_PASSWORD_HINT = `At least ${MIN_PASSWORD} characters. A short sentence is easy to remember.`;

export function checkNewPassword(value: string): string | null {
  return value.length >= MIN_PASSWORD ? null : `Use at least ${MIN_PASSWORD} characters.`;
}

export function checkConfirmation(value: string, password: string): string | null {
  return value === password ? null : 'The passwords differ.';
}
