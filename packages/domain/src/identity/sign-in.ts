import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { guessPassword } from './guesses';
import { releaseAttempts } from './lockout';
import { spendDecoyVerification } from './passwords';
import { findUserBySignInName } from './repository';
import { type IssuedSession, issueSession } from './sessions';

export { LOCKOUT_MS, MAX_FAILED_SIGN_INS, MAX_FAILED_TOTP_CODES } from './lockout';

const WRONG = 'The e-mail address or password is not right.';

export type SignInInput = { email: string; password: string; userAgent?: string | undefined };

export async function signIn(ctx: AccessContext, input: SignInInput): Promise<IssuedSession> {
  const { db, now: clock } = ctx.services;
  const now = clock();
  const user = await findUserBySignInName(db, input.email);
  if (!user?.passwordHash || user.disabledAt) {
    await spendDecoyVerification(input.password);
    throw new AppError('INVALID_CREDENTIALS', WRONG);
  }
  const audit = {
    resourceType: 'user',
    resourceId: user.id,
    practiceId: user.practiceId,
    action: 'auth.sign-in',
    actorUserId: user.id,
  };
  // Reserve, verify and count in one step per account (lockout.ts): concurrent guesses cannot
  // slip past the limit, and a right password sent alongside wrong ones gets no extra chance.
  const guess = await guessPassword(db, user, input.password, now);
  if (guess.outcome === 'locked') {
    await recordAudit(db, ctx, { ...audit, outcome: 'denied', detail: { reason: 'locked' } });
    // An anonymous caller learns nothing of the lock (issue 7 item 11): the same answer, after the
    // same decoy verification, as for a wrong password or an unknown address. The lock is audited;
    // a signed-in person re-authenticating is told of it (`lockedError`).
    await spendDecoyVerification(input.password);
    throw new AppError('INVALID_CREDENTIALS', WRONG);
  }
  if (guess.outcome === 'wrong') {
    await recordAudit(db, ctx, {
      ...audit,
      outcome: 'failure',
      detail: { reason: 'wrong-password', locked: guess.locks },
    });
    throw new AppError('INVALID_CREDENTIALS', WRONG);
  }
  return inTransaction(db, async (tx) => {
    await releaseAttempts(tx, user, 'password');
    const issued = await issueSession(tx, user, now, input.userAgent);
    await recordAudit(tx, ctx, { ...audit, outcome: 'success', detail: { stage: issued.stage } });
    return issued;
  });
}
