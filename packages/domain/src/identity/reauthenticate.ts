import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import { type Guess, guessPassword, guessTotp } from './guesses';
import { lockedError } from './lockout';
import type { UserRow } from './repository';

/** What a signed-in person gives to prove it is still them: their password or a current code. */
export type Reauthentication = { password?: string | undefined; code?: string | undefined };

/**
 * Asks a signed-in person to prove it is still them before a change to how they sign in (OWASP
 * Authentication Cheat Sheet, "Reauthentication after risk events"). Guesses count towards the
 * same per-account lockout as sign-in, so a stolen session is no way to guess the password.
 * Returns which secret was given; a right password's count is reset by the caller's transaction.
 */
export async function reauthenticate(
  ctx: AccessContext,
  user: UserRow,
  given: Reauthentication,
  purpose: string,
): Promise<'password' | 'totp'> {
  const { db, keyring, now: clock } = ctx.services;
  const now = clock();
  const codeAllowed = Boolean(user.totpEnabledAt && user.totpSecret);
  const secret = given.code && codeAllowed ? 'totp' : given.password ? 'password' : undefined;
  if (!secret) {
    const what = codeAllowed
      ? 'your password or a current code from your authenticator app'
      : 'your password';
    throw new AppError('VALIDATION_FAILED', `To ${purpose}, first enter ${what}.`, [
      { path: 'password', message: `Enter ${what}.` },
    ]);
  }
  const guess: Guess =
    secret === 'totp'
      ? await guessTotp(db, keyring, user, given.code ?? '', now)
      : await guessPassword(db, user, given.password ?? '', now);
  const audit = { action: 'auth.reauthenticate', resourceType: 'user', resourceId: user.id };
  if (guess.outcome === 'locked') {
    await recordAudit(db, ctx, {
      ...audit,
      outcome: 'denied',
      detail: { secret, reason: 'locked' },
    });
    throw lockedError(secret, guess.lockedUntil, now);
  }
  if (guess.outcome === 'wrong') {
    await recordAudit(db, ctx, {
      ...audit,
      outcome: 'failure',
      detail: { secret, locked: guess.locks },
    });
    const field = secret === 'totp' ? 'code' : 'password';
    const message =
      secret === 'totp'
        ? 'That code is not right. Enter the newest code from your authenticator app.'
        : 'That password is not right.';
    throw new AppError('VALIDATION_FAILED', message, [{ path: field, message }]);
  }
  return secret;
}
