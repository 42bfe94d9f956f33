import type { SignedOutEverywhere } from '@throughline/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { type Executor, inTransaction } from '../shared/transaction';
import { apiTokens, sessions } from './tables';

export type EndedAccess = SignedOutEverywhere;

/** Ends every session of a user and revokes every API token they still hold, at once. */
export async function endAllAccess(
  tx: Executor,
  user: { practiceId: string; userId: string },
  now: Date,
): Promise<EndedAccess> {
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.practiceId, user.practiceId), eq(sessions.userId, user.userId)))
    .returning({ id: sessions.tokenHash });
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(apiTokens.practiceId, user.practiceId),
        eq(apiTokens.userId, user.userId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  return { sessionsEnded: ended.length, tokensRevoked: revoked.length };
}

/**
 * "Sign out everywhere": for someone who fears another person has their sign-in. Every session
 * ends, this one included, and every personal API token is revoked too: a token is a sign-in as
 * well, and leaving one alive would defeat the purpose. Scripts need a new token afterwards.
 */
export async function signOutEverywhere(ctx: AccessContext): Promise<EndedAccess> {
  const actor = signedIn(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    const ended = await endAllAccess(tx, actor, ctx.services.now());
    await recordAudit(tx, ctx, {
      action: 'auth.sign-out-everywhere',
      resourceType: 'user',
      resourceId: actor.userId,
      outcome: 'success',
      detail: ended,
    });
    return ended;
  });
}
