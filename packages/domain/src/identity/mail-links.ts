import { and, eq, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Services } from '../access';
import { actsAsClient } from '../access';
import { findClientMailContact } from '../clients';
import { hashToken, randomToken } from '../shared/secrets';
import type { Executor } from '../shared/transaction';
import { invitations, passwordResets, practices, users } from './tables';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** A reset link works for an hour after it was sent (OWASP Forgot Password Cheat Sheet). */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/** A reset request not sent within a day is given up: whoever asked has long stopped waiting. */
const RESET_REQUEST_STALE_MS = 24 * 60 * 60 * 1000;

/**
 * A link e-mail ready to send. `afterSend` stores the hash of the link just sent, replacing any
 * earlier one, so only the newest link works; it runs only when the send succeeded, so a failed
 * attempt never invalidates a link already in someone's inbox.
 */
export type PreparedLinkMail = {
  subject: string;
  text: string;
  /** The link's secret, for the operator path only; never stored or logged. */
  token?: string;
  afterSend: () => Promise<void>;
};

const base = (services: Services): string => services.publicUrl.replace(/\/$/, '');

const inviters = alias(users, 'inviters');

export type InvitationParties = {
  invitation: typeof invitations.$inferSelect;
  user: typeof users.$inferSelect;
  practiceName: string;
  inviterName: string | null;
  /** How the invitee is addressed: a client's preferred name, their name otherwise. */
  greetingName: string;
  preferredName: string | null;
};

/** An invitation with who it is for, who sent it and from which practice. */
export async function findInvitationParties(
  tx: Executor,
  where: { practiceId: string; invitationId: string } | { tokenHash: string },
): Promise<InvitationParties | undefined> {
  const [row] = await tx
    .select({
      invitation: invitations,
      user: users,
      practiceName: practices.name,
      inviterName: inviters.displayName,
    })
    .from(invitations)
    .innerJoin(
      users,
      and(eq(users.practiceId, invitations.practiceId), eq(users.id, invitations.userId)),
    )
    .innerJoin(practices, eq(practices.id, invitations.practiceId))
    .leftJoin(
      inviters,
      and(eq(inviters.practiceId, invitations.practiceId), eq(inviters.id, invitations.invitedBy)),
    )
    .where(
      'tokenHash' in where
        ? eq(invitations.tokenHash, where.tokenHash)
        : and(eq(invitations.practiceId, where.practiceId), eq(invitations.id, where.invitationId)),
    );
  if (!row) return undefined;
  const contact = actsAsClient(row.user)
    ? await findClientMailContact(tx, row.user.practiceId, { userId: row.user.id })
    : undefined;
  const preferredName = contact?.preferredName ?? null;
  return { ...row, preferredName, greetingName: preferredName ?? row.user.displayName };
}

/**
 * Who invites, as the invitation says it (issue 9, item 9): "Alex Rivera at Riverside Music
 * Therapy", or the practice alone when no person did (the operator's command line).
 */
export function invitedBy(row: { inviterName: string | null; practiceName: string }): string {
  return row.inviterName ? `${row.inviterName} at ${row.practiceName}` : row.practiceName;
}

/**
 * Mints a fresh invitation link. Undefined when the invitation is used or its account deactivated:
 * the e-mail is then not sent at all. Sending (again) renews the 7 days.
 */
export async function prepareInvitationMail(
  tx: Executor,
  services: Services,
  ref: { practiceId: string; invitationId: string },
): Promise<PreparedLinkMail | undefined> {
  const row = await findInvitationParties(tx, ref);
  if (!row || row.invitation.acceptedAt || row.user.disabledAt) return undefined;
  const token = randomToken();
  const what = actsAsClient(row.user) ? 'a secure portal account' : 'an account';
  return {
    token,
    subject: `Your invitation from ${row.practiceName}`,
    text: [
      `Hello ${row.greetingName},`,
      '',
      `${invitedBy(row)} has set up ${what} for you in Throughline.`,
      '',
      'Choose your password here (the link works once and expires in 7 days):',
      `${base(services)}/invitations/${token}`,
      '',
      'If you did not expect this e-mail, you can ignore it.',
    ].join('\n'),
    afterSend: async () => {
      await tx
        .update(invitations)
        .set({
          tokenHash: hashToken(token),
          expiresAt: new Date(services.now().getTime() + INVITATION_TTL_MS),
        })
        .where(
          and(
            eq(invitations.practiceId, ref.practiceId),
            eq(invitations.id, ref.invitationId),
            isNull(invitations.acceptedAt),
          ),
        );
    },
  };
}

/**
 * Mints a fresh password-reset link. The e-mail is neutral whoever receives it (safe contact,
 * ETHICS.md): no practice name, nothing clinical. Undefined when the reset was used, is stale, or
 * the account is deactivated or has no password yet.
 */
export async function preparePasswordResetMail(
  tx: Executor,
  services: Services,
  ref: { practiceId: string; passwordResetId: string },
): Promise<PreparedLinkMail | undefined> {
  const [row] = await tx
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(
      users,
      and(eq(users.practiceId, passwordResets.practiceId), eq(users.id, passwordResets.userId)),
    )
    .where(
      and(
        eq(passwordResets.practiceId, ref.practiceId),
        eq(passwordResets.id, ref.passwordResetId),
      ),
    );
  const now = services.now();
  if (!row || row.reset.usedAt || row.user.disabledAt || !row.user.passwordHash) return undefined;
  if (now.getTime() - row.reset.createdAt.getTime() > RESET_REQUEST_STALE_MS) return undefined;
  const token = randomToken();
  return {
    subject: 'Reset your password',
    text: [
      'Someone asked to reset the password of the account with this e-mail address.',
      '',
      'Choose a new password here (the link works once, for one hour):',
      `${base(services)}/reset-password/${token}`,
      '',
      'If it was not you, ignore this e-mail: your password stays as it is.',
    ].join('\n'),
    afterSend: async () => {
      const sentAt = services.now();
      await tx
        .update(passwordResets)
        .set({
          tokenHash: hashToken(token),
          expiresAt: new Date(sentAt.getTime() + PASSWORD_RESET_TTL_MS),
        })
        .where(
          and(
            eq(passwordResets.practiceId, ref.practiceId),
            eq(passwordResets.id, ref.passwordResetId),
          ),
        );
      // Only the newest link works: earlier open resets of the same account end now.
      await tx
        .update(passwordResets)
        .set({ expiresAt: sentAt })
        .where(
          and(
            eq(passwordResets.practiceId, ref.practiceId),
            eq(passwordResets.userId, row.user.id),
            ne(passwordResets.id, ref.passwordResetId),
            isNull(passwordResets.usedAt),
          ),
        );
    },
  };
}
