import { and, eq, isNull } from 'drizzle-orm';
import { type AccessContext, administersPractice, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findUserById } from './repository';
import { endAllAccess } from './sign-out-everywhere';
import { passwordResets, users } from './tables';
import { toUserView, type UserView } from './users';

/**
 * A practice administrator deactivates an account: sign-in is refused from now on, and every
 * session and API token of the account ends at once; open reset links die with it, and an
 * invitation not yet accepted cannot be. Reversible by reactivation. The last active
 * administrator cannot deactivate themself, or nobody could manage the practice.
 */
export async function deactivateUser(ctx: AccessContext, userId: string): Promise<UserView> {
  const actor = signedIn(ctx);
  const { db, now: clock } = ctx.services;
  const now = clock();
  return inTransaction(db, async (tx) => {
    // Lock the practice's active administrators, so two admins deactivating each other at the same
    // time cannot leave none.
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.practiceId, actor.practiceId),
          eq(users.role, 'practice_admin'),
          isNull(users.disabledAt),
        ),
      )
      .for('update');
    const target = await findUserById(tx, actor.practiceId, userId);
    if (!target) throw notFound('user');
    if (target.disabledAt) return toUserView(target, now);
    const othersActive = admins.filter((a) => a.id !== target.id).length;
    if (administersPractice(target) && othersActive === 0) {
      throw new AppError(
        'CONFLICT',
        'You are the last active administrator of this practice. Invite or reactivate another administrator first.',
      );
    }
    const [row] = await tx
      .update(users)
      .set({ disabledAt: now })
      .where(and(eq(users.practiceId, actor.practiceId), eq(users.id, userId)))
      .returning();
    if (!row) throw notFound('user');
    const ended = await endAllAccess(tx, { practiceId: actor.practiceId, userId }, now);
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(
        and(
          eq(passwordResets.practiceId, actor.practiceId),
          eq(passwordResets.userId, userId),
          isNull(passwordResets.usedAt),
        ),
      );
    await recordAudit(tx, ctx, {
      action: 'user.deactivate',
      resourceType: 'user',
      resourceId: userId,
      outcome: 'success',
      detail: ended,
    });
    return toUserView(row, now);
  });
}

/** Lets a deactivated account sign in again. Its old sessions and tokens stay ended. */
export async function reactivateUser(ctx: AccessContext, userId: string): Promise<UserView> {
  const actor = signedIn(ctx);
  const { db, now: clock } = ctx.services;
  const now = clock();
  return inTransaction(db, async (tx) => {
    const target = await findUserById(tx, actor.practiceId, userId);
    if (!target) throw notFound('user');
    if (!target.disabledAt) return toUserView(target, now);
    const [row] = await tx
      .update(users)
      .set({ disabledAt: null })
      .where(and(eq(users.practiceId, actor.practiceId), eq(users.id, userId)))
      .returning();
    if (!row) throw notFound('user');
    await recordAudit(tx, ctx, {
      action: 'user.reactivate',
      resourceType: 'user',
      resourceId: userId,
      outcome: 'success',
    });
    return toUserView(row, now);
  });
}
