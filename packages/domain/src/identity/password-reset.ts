import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { enqueueLinkEmail } from '../notifications';
import { AppError } from '../shared/errors';
import { hashToken } from '../shared/secrets';
import { inTransaction } from '../shared/transaction';
import { PASSWORD_RESET_TTL_MS } from './mail-links';
import { checkPasswordRules, hashPassword } from './passwords';
import { findUserByEmail } from './repository';
import { mayEmailUser, queueSecurityNotice } from './security-notice';
import { passwordResets, sessions, users } from './tables';

/** At most this many reset e-mails an hour to one address, so the form cannot flood an inbox. */
export const MAX_RESETS_PER_HOUR = 3;

const INVALID =
  'This password reset link is not valid any more: it was already used, a newer one was sent, or the hour has passed. Ask for a new link from the sign-in page.';

type Skipped = 'unknown' | 'no-password' | 'deactivated' | 'no-email' | 'throttled';

/**
 * Someone asks for a reset link for an e-mail address. The answer is the same whatever happens
 * (issue 7 item 11: it must not tell whether the address has an account); the link is e-mailed
 * through the outbox and minted only when it is sent.
 */
export async function requestPasswordReset(ctx: AccessContext, email: string): Promise<void> {
  const { db, now: clock } = ctx.services;
  const now = clock();
  const user = await findUserByEmail(db, email);
  if (!user?.email) return;
  const to = user.email;
  const audit = {
    practiceId: user.practiceId,
    actorUserId: null,
    action: 'auth.password-reset.request',
    resourceType: 'user',
    resourceId: user.id,
  };
  const skip = async (reason: Skipped): Promise<void> =>
    recordAudit(db, ctx, { ...audit, outcome: 'denied', detail: { reason } });
  if (user.disabledAt) return skip('deactivated');
  // An invited user has no password to reset: their invitation sets the first one.
  if (!user.passwordHash) return skip('no-password');
  // Safe contact: a client who may not be e-mailed gets none on an anonymous request either.
  if (!(await mayEmailUser(db, user))) return skip('no-email');
  await inTransaction(db, async (tx) => {
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.practiceId, user.practiceId),
          eq(passwordResets.userId, user.id),
          gt(passwordResets.createdAt, new Date(now.getTime() - 60 * 60 * 1000)),
        ),
      );
    if ((recent?.n ?? 0) >= MAX_RESETS_PER_HOUR) {
      await recordAudit(tx, ctx, { ...audit, outcome: 'denied', detail: { reason: 'throttled' } });
      return;
    }
    const [reset] = await tx
      .insert(passwordResets)
      .values({
        practiceId: user.practiceId,
        userId: user.id,
        tokenHash: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      })
      .returning({ id: passwordResets.id });
    if (!reset) throw new Error('password reset insert returned nothing');
    await enqueueLinkEmail(tx, {
      practiceId: user.practiceId,
      to,
      kind: 'password-reset',
      passwordResetId: reset.id,
    });
    await recordAudit(tx, ctx, { ...audit, outcome: 'success' });
  });
}

/**
 * Sets a new password from a reset link: once, within the hour, for an active account. Every
 * session of the account ends and the password lockout is cleared; API tokens are kept (they are
 * revoked by "sign out everywhere" or deactivation).
 */
export async function resetPassword(
  ctx: AccessContext,
  token: string,
  password: string,
): Promise<void> {
  checkPasswordRules(password);
  const passwordHash = await hashPassword(password);
  const { db, now: clock } = ctx.services;
  const now = clock();
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ reset: passwordResets, user: users })
      .from(passwordResets)
      .innerJoin(
        users,
        and(eq(users.practiceId, passwordResets.practiceId), eq(users.id, passwordResets.userId)),
      )
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt)));
    if (!row || row.reset.expiresAt <= now || row.user.disabledAt) {
      throw new AppError('LINK_INVALID', INVALID);
    }
    // The conditional update makes a second, concurrent use of the same link fail.
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.practiceId, row.reset.practiceId),
          eq(passwordResets.id, row.reset.id),
          isNull(passwordResets.usedAt),
        ),
      )
      .returning({ id: passwordResets.id });
    if (used.length === 0) throw new AppError('LINK_INVALID', INVALID);
    const byUser = and(eq(users.practiceId, row.user.practiceId), eq(users.id, row.user.id));
    await tx.update(users).set({ passwordHash, failedSignIns: 0, lockedUntil: null }).where(byUser);
    await tx
      .delete(sessions)
      .where(and(eq(sessions.practiceId, row.user.practiceId), eq(sessions.userId, row.user.id)));
    await recordAudit(tx, ctx, {
      practiceId: row.user.practiceId,
      actorUserId: row.user.id,
      action: 'auth.password-reset',
      resourceType: 'user',
      resourceId: row.user.id,
      outcome: 'success',
    });
    await queueSecurityNotice(tx, row.user, 'password-reset', now);
  });
}
