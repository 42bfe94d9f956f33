import { and, eq, lt, or } from 'drizzle-orm';
import {
  type Actor,
  type AuthStage,
  roleMay,
  roleRequiresTwoFactor,
  type Services,
} from '../access';
import { hashToken, randomToken } from '../shared/secrets';
import type { Executor } from '../shared/transaction';
import { findApiTokenWithUser, findSessionWithUser, type UserRow } from './repository';
import { apiTokens, sessions } from './tables';

/** HIPAA 164.312(a)(2)(iii) automatic logoff: 30 minutes idle, 12 hours at most. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, so reads do not each write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type IssuedSession = { sessionToken: string; csrfToken: string; stage: AuthStage };

export function stageFor(user: UserRow, twoFactorVerified: boolean): AuthStage {
  if (user.totpEnabledAt) return twoFactorVerified ? 'complete' : 'two-factor';
  return roleRequiresTwoFactor(user.role) ? 'enrol-two-factor' : 'complete';
}

export async function issueSession(
  db: Executor,
  user: UserRow,
  now: Date,
  userAgent: string | undefined,
): Promise<IssuedSession> {
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(sessionToken),
    practiceId: user.practiceId,
    userId: user.id,
    csrfTokenHash: hashToken(csrfToken),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    userAgent: userAgent?.slice(0, 200) ?? null,
  });
  return { sessionToken, csrfToken, stage: stageFor(user, false) };
}

export type ResolvedSession = { actor: Actor; csrfTokenHash: string | null };

/**
 * A disabled account's sessions and tokens stop at once. A locked one's do not: the lockout stops
 * new password and code guesses only (lockout.ts), so nobody can cut a person off by guessing wrong.
 */
function usable(user: UserRow): boolean {
  return !user.disabledAt;
}

/** The actor behind a session cookie, or undefined when it is unknown or has expired. */
export async function actorFromSession(
  services: Services,
  sessionToken: string,
): Promise<ResolvedSession | undefined> {
  const now = services.now();
  const tokenHash = hashToken(sessionToken);
  const found = await findSessionWithUser(services.db, tokenHash);
  if (!found) return undefined;
  const { session, user } = found;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (idleExpired || session.expiresAt <= now || !usable(user)) {
    await services.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await services.db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    csrfTokenHash: session.csrfTokenHash,
    actor: {
      kind: 'user',
      userId: user.id,
      practiceId: user.practiceId,
      role: user.role,
      stage: stageFor(user, session.twoFactorVerified),
      twoFactorVerified: session.twoFactorVerified,
      via: 'session',
      sessionId: tokenHash,
    },
  };
}

/** The actor behind a personal API token (`Authorization: Bearer …`). */
export async function actorFromApiToken(
  services: Services,
  token: string,
): Promise<Actor | undefined> {
  const now = services.now();
  const found = await findApiTokenWithUser(services.db, hashToken(token));
  if (!found) return undefined;
  const { token: row, user } = found;
  if (row.revokedAt || row.expiresAt <= now || !usable(user)) return undefined;
  // A token of an account whose role may no longer hold one (a client's, issued before tokens
  // became staff-only) is not honoured.
  if (!roleMay(user.role, 'token.create')) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await services.db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.practiceId, row.practiceId), eq(apiTokens.id, row.id)));
  }
  return {
    kind: 'user',
    userId: user.id,
    practiceId: user.practiceId,
    role: user.role,
    // A token is issued only to a two-factor-verified session or by the operator's CLI.
    stage: 'complete',
    twoFactorVerified: true,
    via: 'token',
  };
}

export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionId));
}

/** Removes expired sessions; run periodically. */
export async function purgeExpiredSessions(db: Executor, now: Date): Promise<number> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS);
  const removed = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
    .returning({ id: sessions.tokenHash });
  return removed.length;
}
