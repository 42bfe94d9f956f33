import { and, eq } from 'drizzle-orm';
import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { setClientEmailOfUser } from '../clients';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { checkPasswordRules, hashPassword } from './passwords';
import { findUserByEmail } from './repository';
import { type IssuedSession, issueSession } from './sessions';
import { findRedeemableCode, spendSignUpCode, usernameTaken } from './sign-up-codes';
import { users } from './tables';
import { EMAIL_UNAVAILABLE, isUniqueViolation } from './users';

export type RedeemSignUpCodeInput = {
  code: string;
  email?: string | undefined;
  username?: string | undefined;
  password: string;
  userAgent?: string | undefined;
};

const USERNAME_TAKEN = 'This user name is taken. Choose another one.';
const USED = 'This sign-up code has just been used. If that was you, sign in.';

/**
 * The client types the code their therapist gave them, chooses how to sign in (an e-mail or a
 * user name) and a password, and is signed in: one transaction, so a refused choice leaves the
 * code usable. Audited as `sign-up-code.redeem` (used or expired codes too, as failures).
 */
export async function redeemSignUpCode(
  ctx: AccessContext,
  input: RedeemSignUpCodeInput,
): Promise<IssuedSession> {
  checkPasswordRules(input.password);
  const passwordHash = await hashPassword(input.password);
  const { db, now } = ctx.services;
  return inTransaction(db, async (tx) => {
    const code = await findRedeemableCode(tx, ctx, input.code);
    const { user } = code;
    if (input.email && (await findUserByEmail(tx, input.email))) {
      throw new AppError('CONFLICT', EMAIL_UNAVAILABLE, [
        { path: 'email', message: 'Cannot be used; choose another address or a user name.' },
      ]);
    }
    if (input.username && (await usernameTaken(tx, input.username))) {
      throw new AppError('CONFLICT', USERNAME_TAKEN, [
        { path: 'username', message: USERNAME_TAKEN },
      ]);
    }
    if (!(await spendSignUpCode(tx, code, now()))) throw new AppError('SIGN_UP_CODE_SPENT', USED);
    const [updated] = await tx
      .update(users)
      .set({
        email: input.email ?? null,
        username: input.username ?? null,
        passwordHash,
        failedSignIns: 0,
        lockedUntil: null,
      })
      .where(and(eq(users.practiceId, user.practiceId), eq(users.id, user.id)))
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'users_email_key'))
          throw new AppError('CONFLICT', EMAIL_UNAVAILABLE);
        if (isUniqueViolation(error, 'users_username_key'))
          throw new AppError('CONFLICT', USERNAME_TAKEN);
        throw error;
      });
    if (!updated) throw new Error('user update returned nothing');
    if (input.email) await setClientEmailOfUser(tx, user.practiceId, user.id, input.email);
    await recordAudit(tx, ctx, {
      practiceId: user.practiceId,
      actorUserId: user.id,
      action: 'sign-up-code.redeem',
      resourceType: 'user',
      resourceId: user.id,
      outcome: 'success',
      detail: { signsInWith: input.email ? 'email' : 'username' },
    });
    return issueSession(tx, updated, now(), input.userAgent);
  });
}
