import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import {
  MAX_FAILED_SIGN_INS,
  MAX_FAILED_TOTP_CODES,
  releaseAttempts,
  reserveAttempt,
} from './lockout';
import { verifyPassword } from './passwords';
import { totpSecretPurpose } from './purposes';
import type { UserRow } from './repository';
import { users } from './tables';
import { checkTotp } from './totp';

/** What one guess of a secret came to; `locks` says this wrong guess locked the step. */
export type Guess =
  | { outcome: 'right' }
  | { outcome: 'wrong'; locks: boolean }
  | { outcome: 'locked'; lockedUntil: Date };

/**
 * Checks a password against the account, counted by the per-account lockout (lockout.ts). A
 * right password does not yet reset the count: the caller calls `releaseAttempts` in the
 * transaction that acts on it, so a failed action leaves the guess counted.
 */
export async function guessPassword(
  db: Executor,
  user: UserRow,
  password: string,
  now: Date,
): Promise<Guess> {
  const reserved = await reserveAttempt(db, user, 'password', now);
  if (!reserved.ok) return { outcome: 'locked', lockedUntil: reserved.lockedUntil };
  if (user.passwordHash && (await verifyPassword(user.passwordHash, password))) {
    return { outcome: 'right' };
  }
  return { outcome: 'wrong', locks: reserved.attempt >= MAX_FAILED_SIGN_INS };
}

/**
 * Checks a code from the account's current authenticator, counted by the per-account code lockout.
 * A right code is used up (its time step is stored, so it cannot be replayed, even by a request
 * sent at the same moment) and resets the count.
 */
export async function guessTotp(
  db: Executor,
  keyring: Keyring,
  user: UserRow,
  code: string,
  now: Date,
): Promise<Guess> {
  const reserved = await reserveAttempt(db, user, 'totp', now);
  if (!reserved.ok) return { outcome: 'locked', lockedUntil: reserved.lockedUntil };
  const wrong: Guess = { outcome: 'wrong', locks: reserved.attempt >= MAX_FAILED_TOTP_CODES };
  if (!user.totpSecret) return wrong;
  const secret = await keyring.decrypt(
    db,
    user.practiceId,
    user.totpSecret,
    totpSecretPurpose(user.id),
  );
  const step = await checkTotp(secret, code, reserved.totpLastStep, now);
  if (step === null) return wrong;
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.practiceId, user.practiceId),
        eq(users.id, user.id),
        or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
      ),
    )
    .returning({ id: users.id });
  if (claimed.length === 0) return wrong;
  await releaseAttempts(db, user, 'totp');
  return { outcome: 'right' };
}
