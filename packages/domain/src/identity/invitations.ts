import { and, eq, isNull } from 'drizzle-orm';
import type { AccessContext, Role } from '../access/actor';
import { recordAudit } from '../audit/record';
import { enqueueEmail } from '../notifications/enqueue';
import { AppError } from '../shared/errors';
import { hashToken, randomToken } from '../shared/secrets';
import { type Executor, inTransaction } from '../shared/transaction';
import { checkPasswordRules, hashPassword } from './passwords';
import { invitations, practices, users } from './tables';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const INVALID =
  'This invitation link is not valid any more: it was already used or has expired. Ask whoever invited you to send a new one.';

type Invitee = {
  practiceId: string;
  userId: string;
  email: string;
  role: Role;
  practiceName: string;
};

/**
 * Creates a single-use invitation and queues its e-mail in the caller's transaction. The e-mail
 * says nothing clinical: only that a portal account is waiting (safe-contact by default).
 */
export async function createInvitation(
  tx: Executor,
  ctx: AccessContext,
  invitee: Invitee,
): Promise<void> {
  const token = randomToken();
  const now = ctx.services.now();
  await tx.insert(invitations).values({
    practiceId: invitee.practiceId,
    userId: invitee.userId,
    tokenHash: hashToken(token),
    invitedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
  });
  const link = `${ctx.services.publicUrl.replace(/\/$/, '')}/invitations/${token}`;
  const what = invitee.role === 'client' ? 'a secure portal account' : 'an account';
  await enqueueEmail(tx, {
    practiceId: invitee.practiceId,
    to: invitee.email,
    subject: `Your invitation from ${invitee.practiceName}`,
    text: [
      `${invitee.practiceName} has set up ${what} for you in Throughline.`,
      '',
      `Choose your password here (the link works once and expires in 7 days):`,
      link,
      '',
      'If you did not expect this e-mail, you can ignore it.',
    ].join('\n'),
  });
}

async function findOpenInvitation(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, user: users, practiceName: practices.name })
    .from(invitations)
    .innerJoin(
      users,
      and(eq(users.practiceId, invitations.practiceId), eq(users.id, invitations.userId)),
    )
    .innerJoin(practices, eq(practices.id, invitations.practiceId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt)));
  if (!row || row.invitation.expiresAt <= now) throw new AppError('INVITATION_INVALID', INVALID);
  return row;
}

export type InvitationView = {
  email: string;
  displayName: string;
  practiceName: string;
  role: Role;
  expiresAt: Date;
};

export async function readInvitation(ctx: AccessContext, token: string): Promise<InvitationView> {
  const row = await findOpenInvitation(ctx.services.db, token, ctx.services.now());
  return {
    email: row.user.email,
    displayName: row.user.displayName,
    practiceName: row.practiceName,
    role: row.user.role,
    expiresAt: row.invitation.expiresAt,
  };
}

/** Sets the invitee's password and uses up the invitation, atomically. */
export async function acceptInvitation(
  ctx: AccessContext,
  token: string,
  password: string,
): Promise<void> {
  checkPasswordRules(password);
  const passwordHash = await hashPassword(password);
  const { db, now } = ctx.services;
  await inTransaction(db, async (tx) => {
    const row = await findOpenInvitation(tx, token, now());
    // The conditional update makes a second, concurrent use of the same link fail.
    const used = await tx
      .update(invitations)
      .set({ acceptedAt: now() })
      .where(and(eq(invitations.id, row.invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (used.length === 0) throw new AppError('INVITATION_INVALID', INVALID);
    await tx
      .update(users)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null })
      .where(and(eq(users.practiceId, row.user.practiceId), eq(users.id, row.user.id)));
    await recordAudit(tx, ctx, {
      practiceId: row.user.practiceId,
      actorUserId: row.user.id,
      action: 'invitation.accept',
      resourceType: 'user',
      resourceId: row.user.id,
      outcome: 'success',
    });
  });
}
