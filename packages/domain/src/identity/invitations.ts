import type { Invitation } from '@throughline/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AccessContext, Services } from '../access';
import { recordAudit } from '../audit';
import { enqueueLinkEmail } from '../notifications';
import { AppError } from '../shared/errors';
import { hashToken } from '../shared/secrets';
import { type Executor, inTransaction } from '../shared/transaction';
import { findInvitationParties, INVITATION_TTL_MS, prepareInvitationMail } from './mail-links';
import { checkPasswordRules, hashPassword } from './passwords';
import { invitations, users } from './tables';

const INVALID =
  'This invitation link is not valid any more: it was already used or has expired. Ask whoever invited you to send a new one.';

type Invitee = {
  practiceId: string;
  userId: string;
  email: string;
};

/**
 * Creates a single-use invitation and queues its e-mail in the caller's transaction. No link
 * exists yet: the dispatcher mints it when it sends the e-mail (`mail-links.ts`), so nobody can
 * read it from the outbox, the database or a backup. The e-mail says nothing clinical.
 */
export async function createInvitation(
  tx: Executor,
  ctx: AccessContext,
  invitee: Invitee,
): Promise<void> {
  const now = ctx.services.now();
  const [row] = await tx
    .insert(invitations)
    .values({
      practiceId: invitee.practiceId,
      userId: invitee.userId,
      tokenHash: null,
      invitedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    })
    .returning({ id: invitations.id });
  if (!row) throw new Error('invitation insert returned nothing');
  await enqueueLinkEmail(tx, {
    practiceId: invitee.practiceId,
    to: invitee.email,
    kind: 'invitation',
    invitationId: row.id,
  });
}

/**
 * Operator path (demo seed, tests, `throughline invitation link`): mints a fresh link for the open
 * invitation of the account with this e-mail, replacing any link sent before, and returns its
 * token. Whoever runs it holds the server; it is not reachable over HTTP.
 */
export async function issueInvitationLink(services: Services, email: string): Promise<string> {
  return inTransaction(services.db, async (tx) => {
    const [open] = await tx
      .select({ practiceId: invitations.practiceId, id: invitations.id })
      .from(invitations)
      .innerJoin(
        users,
        and(eq(users.practiceId, invitations.practiceId), eq(users.id, invitations.userId)),
      )
      .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(invitations.acceptedAt)))
      .orderBy(desc(invitations.createdAt))
      .limit(1);
    const mail =
      open &&
      (await prepareInvitationMail(tx, services, {
        practiceId: open.practiceId,
        invitationId: open.id,
      }));
    if (!mail?.token) throw new AppError('NOT_FOUND', `No open invitation for ${email} was found.`);
    await mail.afterSend();
    return mail.token;
  });
}

async function findOpenInvitation(db: Executor, token: string, now: Date) {
  const row = await findInvitationParties(db, { tokenHash: hashToken(token) });
  if (!row || row.invitation.acceptedAt || row.invitation.expiresAt <= now || row.user.disabledAt)
    throw new AppError('INVITATION_INVALID', INVALID);
  return row;
}

export type InvitationView = Invitation;

export async function readInvitation(ctx: AccessContext, token: string): Promise<InvitationView> {
  const row = await findOpenInvitation(ctx.services.db, token, ctx.services.now());
  return {
    email: row.user.email,
    displayName: row.user.displayName,
    preferredName: row.preferredName,
    inviterName: row.inviterName,
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
