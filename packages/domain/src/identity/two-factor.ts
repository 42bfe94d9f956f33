import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findUserById } from './repository';
import { sessions, users } from './tables';
import { checkTotp, newTotpSecret, totpUri } from './totp';

const WRONG_CODE =
  'That code is not right. Check that the clock on your phone is correct and enter the newest code.';

function sessionOf(ctx: AccessContext): { practiceId: string; userId: string; sessionId: string } {
  const actor = signedIn(ctx);
  if (!actor.sessionId) {
    throw new AppError(
      'FORBIDDEN',
      'Two-factor settings can only be changed from a signed-in browser session.',
    );
  }
  return { practiceId: actor.practiceId, userId: actor.userId, sessionId: actor.sessionId };
}

/** Second step of sign-in: a TOTP code for a user who has two-factor enabled. */
export async function verifyTwoFactor(ctx: AccessContext, code: string): Promise<void> {
  const { db, keyring, now } = ctx.services;
  const { practiceId, userId, sessionId } = sessionOf(ctx);
  const user = await findUserById(db, practiceId, userId);
  if (!user?.totpSecret)
    throw new AppError(
      'TWO_FACTOR_ENROLMENT_REQUIRED',
      'Two-factor is not set up for this account.',
    );
  const secret = await keyring.decrypt(db, practiceId, user.totpSecret, `totp:${userId}`);
  const step = await checkTotp(secret, code, user.totpLastStep, now());
  await inTransaction(db, async (tx) => {
    if (step !== null) {
      await tx
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.practiceId, practiceId), eq(users.id, userId)));
      await tx
        .update(sessions)
        .set({ twoFactorVerified: true })
        .where(eq(sessions.tokenHash, sessionId));
    }
    await recordAudit(tx, ctx, {
      action: 'auth.two-factor.verify',
      resourceType: 'user',
      resourceId: userId,
      outcome: step === null ? 'failure' : 'success',
    });
  });
  if (step === null) throw new AppError('INVALID_TWO_FACTOR_CODE', WRONG_CODE);
}

export type Enrolment = { secret: string; otpauthUri: string; qrDataUrl: string };

/** Starts enrolment: a new secret is kept (encrypted) on the session until a code confirms it. */
export async function startTwoFactorEnrolment(ctx: AccessContext): Promise<Enrolment> {
  const { db, keyring } = ctx.services;
  const { practiceId, userId, sessionId } = sessionOf(ctx);
  const user = await findUserById(db, practiceId, userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  const secret = newTotpSecret();
  const pending = await keyring.encrypt(db, practiceId, secret, `totp-pending:${sessionId}`);
  await db
    .update(sessions)
    .set({ pendingTotpSecret: pending })
    .where(eq(sessions.tokenHash, sessionId));
  const otpauthUri = totpUri(secret, user.email);
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 });
  return { secret, otpauthUri, qrDataUrl };
}

export async function confirmTwoFactorEnrolment(ctx: AccessContext, code: string): Promise<void> {
  const { db, keyring, now } = ctx.services;
  const { practiceId, userId, sessionId } = sessionOf(ctx);
  const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, sessionId));
  if (!session?.pendingTotpSecret) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Start two-factor set-up first, then enter the code it shows.',
    );
  }
  const secret = await keyring.decrypt(
    db,
    practiceId,
    session.pendingTotpSecret,
    `totp-pending:${sessionId}`,
  );
  const step = await checkTotp(secret, code, null, now());
  if (step === null) throw new AppError('INVALID_TWO_FACTOR_CODE', WRONG_CODE);
  const stored = await keyring.encrypt(db, practiceId, secret, `totp:${userId}`);
  await inTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: stored, totpEnabledAt: now(), totpLastStep: step })
      .where(and(eq(users.practiceId, practiceId), eq(users.id, userId)));
    await tx
      .update(sessions)
      .set({ pendingTotpSecret: null, twoFactorVerified: true })
      .where(eq(sessions.tokenHash, sessionId));
    await recordAudit(tx, ctx, {
      action: 'auth.two-factor.enrol',
      resourceType: 'user',
      resourceId: userId,
      outcome: 'success',
    });
  });
}
