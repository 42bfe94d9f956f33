import { and, eq, ne } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { releaseAttempts } from './lockout';
import { checkPasswordRules, hashPassword } from './passwords';
import { reauthenticate } from './reauthenticate';
import { findUserById } from './repository';
import { queueSecurityNotice } from './security-notice';
import { sessions, users } from './tables';

/**
 * The signed-in user changes their password. The current password is required (a session left
 * open is not enough), and wrong ones count towards the account's lockout like sign-in guesses
 * (`reauthenticate`). Every other session of the user ends, this one stays; API tokens are kept.
 */
export async function changePassword(
  ctx: AccessContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ sessionsEnded: number }> {
  const actor = signedIn(ctx);
  const { db } = ctx.services;
  checkPasswordRules(input.newPassword);
  const user = await findUserById(db, actor.practiceId, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  try {
    await reauthenticate(ctx, user, { password: input.currentPassword }, 'change your password');
  } catch (error) {
    // The form's field is `currentPassword`; say so, so the message sits next to it.
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      throw new AppError('VALIDATION_FAILED', 'Your current password is not right.', [
        { path: 'currentPassword', message: 'Not right.' },
      ]);
    }
    throw error;
  }
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(db, async (tx) => {
    await releaseAttempts(tx, user, 'password');
    await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.practiceId, user.practiceId), eq(users.id, user.id)));
    const ownUser = and(eq(sessions.practiceId, user.practiceId), eq(sessions.userId, user.id));
    const ended = await tx
      .delete(sessions)
      .where(actor.sessionId ? and(ownUser, ne(sessions.tokenHash, actor.sessionId)) : ownUser)
      .returning({ id: sessions.tokenHash });
    await recordAudit(tx, ctx, {
      action: 'auth.password-change',
      resourceType: 'user',
      resourceId: user.id,
      outcome: 'success',
      detail: { sessionsEnded: ended.length },
    });
    await queueSecurityNotice(tx, user, 'password-changed', ctx.services.now());
    return { sessionsEnded: ended.length };
  });
}
