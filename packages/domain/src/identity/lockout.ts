import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { users } from './tables';

/**
 * Per-account limits on secrets guessed at sign-in (HIPAA 164.308(a)(5)(ii)(C), OWASP
 * Authentication Cheat Sheet "Account Lockout"): 5 wrong passwords, or 5 wrong two-factor codes,
 * lock that step for 15 minutes. The two are counted apart, so that signing in again with a known
 * password cannot reset the count of wrong codes. A lock stops new sign-ins only: sessions and
 * API tokens that already exist keep working (otherwise anyone could cut a person off by
 * guessing wrong on their behalf, issue 7 item 2).
 */
export const MAX_FAILED_SIGN_INS = 5;
export const MAX_FAILED_TOTP_CODES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type Secret = 'password' | 'totp';

const COLUMNS = {
  password: { count: users.failedSignIns, until: users.lockedUntil, max: MAX_FAILED_SIGN_INS },
  totp: { count: users.failedTotpCodes, until: users.totpLockedUntil, max: MAX_FAILED_TOTP_CODES },
} as const;

const byUser = (user: { practiceId: string; id: string }) =>
  and(eq(users.practiceId, user.practiceId), eq(users.id, user.id));

export type Reservation =
  | { ok: true; attempt: number; totpLastStep: number | null }
  | { ok: false; lockedUntil: Date };

/**
 * Reserves one guess of `secret` for the account, before the (slow) check, in one conditional
 * UPDATE: the row lock it takes orders concurrent guesses, so at most `max` are ever checked in
 * a window, and the guess that reaches `max` locks the account at once. A reserved guess counts
 * as a failure unless `releaseAttempts` is called after it verified, so a guess whose check never
 * finishes (crash, timeout) still counts. No transaction stays open during the check.
 */
export async function reserveAttempt(
  db: Executor,
  user: { practiceId: string; id: string },
  secret: Secret,
  now: Date,
): Promise<Reservation> {
  const { count, until, max } = COLUMNS[secret];
  // A lock that has run out starts a fresh window of `max` guesses.
  const next = sql<number>`CASE WHEN ${until} IS NULL THEN ${count} + 1 ELSE 1 END`;
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  const lock = sql<Date | null>`CASE WHEN ${next} >= ${max} THEN ${lockUntil.toISOString()}::timestamptz ELSE NULL END`;
  const [reserved] = await db
    .update(users)
    .set(
      secret === 'password'
        ? { failedSignIns: next, lockedUntil: lock }
        : { failedTotpCodes: next, totpLockedUntil: lock },
    )
    .where(and(byUser(user), or(isNull(until), lte(until, now))))
    .returning({ attempt: count, totpLastStep: users.totpLastStep });
  if (reserved) return { ok: true, ...reserved };
  const [row] = await db.select({ until }).from(users).where(byUser(user));
  return { ok: false, lockedUntil: row?.until ?? lockUntil };
}

/** After a verified guess: the count starts again and any lock its reservation set is lifted. */
export async function releaseAttempts(
  db: Executor,
  user: { practiceId: string; id: string },
  secret: Secret,
): Promise<void> {
  await db
    .update(users)
    .set(
      secret === 'password'
        ? { failedSignIns: 0, lockedUntil: null }
        : { failedTotpCodes: 0, totpLockedUntil: null },
    )
    .where(byUser(user));
}

/**
 * The answer to a guess refused because its step is locked, for a caller who has already proved
 * who they are (the code step, re-authentication). An anonymous password sign-in is not told of
 * the lock at all (issue 7 item 11, `sign-in.ts`).
 */
export function lockedError(secret: Secret, lockedUntil: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  const wait = `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  return secret === 'password'
    ? new AppError(
        'ACCOUNT_LOCKED',
        `This account is locked after too many wrong passwords. ${wait}, or ask your practice administrator.`,
      )
    : new AppError(
        'ACCOUNT_LOCKED',
        `Two-factor codes for this account are locked after too many wrong ones. ${wait}. Check that the clock on your phone is correct.`,
      );
}
