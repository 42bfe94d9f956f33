import { and, eq, sql } from 'drizzle-orm';
import type { AccessContext } from '../access/actor';
import { recordAudit } from '../audit/record';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { spendDecoyVerification, verifyPassword } from './passwords';
import { findUserByEmail } from './repository';
import { type IssuedSession, issueSession } from './sessions';
import { users } from './tables';

/** Lock an account for 15 minutes after 5 wrong passwords in a row (HIPAA 164.308(a)(5)). */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

const WRONG = 'The e-mail address or password is not right.';

export type SignInInput = { email: string; password: string; userAgent?: string | undefined };

export async function signIn(ctx: AccessContext, input: SignInInput): Promise<IssuedSession> {
  const { db, now: clock } = ctx.services;
  const now = clock();
  const user = await findUserByEmail(db, input.email);
  if (!user?.passwordHash || user.disabledAt) {
    await spendDecoyVerification(input.password);
    throw new AppError('INVALID_CREDENTIALS', WRONG);
  }
  const audit = { resourceType: 'user', resourceId: user.id, practiceId: user.practiceId };
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, ctx, {
      ...audit,
      action: 'auth.sign-in',
      outcome: 'denied',
      actorUserId: user.id,
      detail: { reason: 'locked' },
    });
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError(
      'ACCOUNT_LOCKED',
      `This account is locked after too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your practice administrator.`,
    );
  }
  const byUser = and(eq(users.practiceId, user.practiceId), eq(users.id, user.id));
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await inTransaction(db, async (tx) => {
      // Count in the database: wrong passwords sent at the same time must each be counted.
      const [counted] = await tx
        .update(users)
        .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
        .where(byUser)
        .returning({ failedSignIns: users.failedSignIns });
      const locks = (counted?.failedSignIns ?? 0) >= MAX_FAILED_SIGN_INS;
      if (locks) {
        await tx
          .update(users)
          .set({ failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) })
          .where(byUser);
      }
      await recordAudit(tx, ctx, {
        ...audit,
        action: 'auth.sign-in',
        outcome: 'failure',
        actorUserId: user.id,
        detail: { reason: 'wrong-password', locked: locks },
      });
    });
    throw new AppError('INVALID_CREDENTIALS', WRONG);
  }
  return inTransaction(db, async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(byUser);
    const issued = await issueSession(tx, user, now, input.userAgent);
    await recordAudit(tx, ctx, {
      ...audit,
      action: 'auth.sign-in',
      outcome: 'success',
      actorUserId: user.id,
      detail: { stage: issued.stage },
    });
    return issued;
  });
}
