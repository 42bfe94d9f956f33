import type { Enrolment } from '@throughline/contracts';
import { and, eq, ne } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { releaseAttempts } from './lockout';
import { pendingTotpPurpose, totpSecretPurpose } from './purposes';
import { type Reauthentication, reauthenticate } from './reauthenticate';
import { findUserById } from './repository';
import { queueSecurityNotice } from './security-notice';
import { sessions, users } from './tables';
import { checkTotp, newTotpSecret, totpUri } from './totp';
import { sessionOf, WRONG_CODE } from './two-factor';

export type { Enrolment };

/**
 * Starts setting up (or replacing) two-factor. Whoever holds the session must first prove it is
 * still them, with their password or a code from the current authenticator (issue 7 item 5):
 * otherwise a stolen session could put its own authenticator in place of the person's. Only
 * then is a new secret kept (encrypted) on this session until a code confirms it.
 */
export async function startTwoFactorEnrolment(
  ctx: AccessContext,
  given: Reauthentication,
): Promise<Enrolment> {
  const { db, keyring } = ctx.services;
  const { practiceId, userId, sessionId } = sessionOf(ctx);
  const user = await findUserById(db, practiceId, userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  const purpose = user.totpEnabledAt ? 'change two-factor' : 'set up two-factor';
  const secretGiven = await reauthenticate(ctx, user, given, purpose);
  const secret = newTotpSecret();
  const pending = await keyring.encrypt(db, practiceId, secret, pendingTotpPurpose(sessionId));
  await inTransaction(db, async (tx) => {
    if (secretGiven === 'password') await releaseAttempts(tx, user, 'password');
    await tx
      .update(sessions)
      .set({ pendingTotpSecret: pending })
      .where(eq(sessions.tokenHash, sessionId));
    await recordAudit(tx, ctx, {
      action: 'auth.reauthenticate',
      resourceType: 'user',
      resourceId: userId,
      outcome: 'success',
      detail: { secret: secretGiven, purpose: 'two-factor' },
    });
  });
  const otpauthUri = totpUri(secret, user.email ?? user.username ?? user.displayName);
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 });
  return { secret, otpauthUri, qrDataUrl };
}

/**
 * Finishes the change with a code from the new secret. In the same transaction: the new secret
 * replaces the old, the person's other sessions end (this one stays), a notice is queued for
 * them, and the change is audited.
 */
export async function confirmTwoFactorEnrolment(ctx: AccessContext, code: string): Promise<void> {
  const { db, keyring, now } = ctx.services;
  const { practiceId, userId, sessionId } = sessionOf(ctx);
  const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, sessionId));
  const user = await findUserById(db, practiceId, userId);
  if (!session?.pendingTotpSecret || !user) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Start two-factor set-up first, then enter the code it shows.',
    );
  }
  const secret = await keyring.decrypt(
    db,
    practiceId,
    session.pendingTotpSecret,
    pendingTotpPurpose(sessionId),
  );
  const at = now();
  const step = await checkTotp(secret, code, null, at);
  if (step === null) throw new AppError('INVALID_TWO_FACTOR_CODE', WRONG_CODE);
  const stored = await keyring.encrypt(db, practiceId, secret, totpSecretPurpose(userId));
  const replaced = Boolean(user.totpEnabledAt);
  await inTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: stored,
        totpEnabledAt: at,
        totpLastStep: step,
        failedTotpCodes: 0,
        totpLockedUntil: null,
      })
      .where(and(eq(users.practiceId, practiceId), eq(users.id, userId)));
    await tx
      .update(sessions)
      .set({ pendingTotpSecret: null, twoFactorVerified: true })
      .where(eq(sessions.tokenHash, sessionId));
    const ended = await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.practiceId, practiceId),
          eq(sessions.userId, userId),
          ne(sessions.tokenHash, sessionId),
        ),
      )
      .returning({ id: sessions.tokenHash });
    const notice = await queueSecurityNotice(
      tx,
      user,
      replaced ? 'two-factor-changed' : 'two-factor-enabled',
      at,
    );
    await recordAudit(tx, ctx, {
      action: 'auth.two-factor.enrol',
      resourceType: 'user',
      resourceId: userId,
      outcome: 'success',
      detail: { replaced, endedSessions: ended.length, notice },
    });
  });
}
