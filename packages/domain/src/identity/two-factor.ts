import { eq } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import { guessTotp } from './guesses';
import { lockedError } from './lockout';
import { findUserById } from './repository';
import { sessions } from './tables';

export const WRONG_CODE =
  'That code is not right. Check that the clock on your phone is correct and enter the newest code.';

export function sessionOf(ctx: AccessContext): {
  practiceId: string;
  userId: string;
  sessionId: string;
} {
  const actor = signedIn(ctx);
  if (!actor.sessionId) {
    throw new AppError(
      'FORBIDDEN',
      'Two-factor settings can only be changed from a signed-in browser session.',
    );
  }
  return { practiceId: actor.practiceId, userId: actor.userId, sessionId: actor.sessionId };
}

/**
 * Second step of sign-in: a TOTP code for a user who has two-factor enabled. Wrong codes are
 * counted per account, whatever address they come from (lockout.ts).
 */
export async function verifyTwoFactor(ctx: AccessContext, code: string): Promise<void> {
  const { db, keyring, now: clock } = ctx.services;
  const now = clock();
  const { practiceId, userId, sessionId } = sessionOf(ctx);
  const user = await findUserById(db, practiceId, userId);
  if (!user?.totpSecret)
    throw new AppError(
      'TWO_FACTOR_ENROLMENT_REQUIRED',
      'Two-factor is not set up for this account.',
    );
  const audit = { action: 'auth.two-factor.verify', resourceType: 'user', resourceId: userId };
  const guess = await guessTotp(db, keyring, user, code, now);
  if (guess.outcome === 'locked') {
    await recordAudit(db, ctx, { ...audit, outcome: 'denied', detail: { reason: 'locked' } });
    throw lockedError('totp', guess.lockedUntil, now);
  }
  if (guess.outcome === 'wrong') {
    await recordAudit(db, ctx, { ...audit, outcome: 'failure', detail: { locked: guess.locks } });
    throw new AppError('INVALID_TWO_FACTOR_CODE', WRONG_CODE);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ twoFactorVerified: true })
      .where(eq(sessions.tokenHash, sessionId));
    await recordAudit(tx, ctx, { ...audit, outcome: 'success' });
  });
}
