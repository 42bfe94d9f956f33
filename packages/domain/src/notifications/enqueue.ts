import type { Executor } from '../shared/transaction';
import { type OutboxKind, outboxMessages } from './tables';

/** A rendered e-mail that carries no credential (a reminder, a notice). */
export type OutgoingEmail = {
  practiceId: string;
  to: string;
  subject: string;
  text: string;
  kind?: Exclude<OutboxKind, 'invitation' | 'password-reset'>;
};

/** Queues an e-mail in the caller's transaction; it is sent only if that transaction commits. */
export async function enqueueEmail(tx: Executor, email: OutgoingEmail): Promise<void> {
  await tx.insert(outboxMessages).values({
    practiceId: email.practiceId,
    kind: email.kind ?? 'other',
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
  });
}

/**
 * An e-mail carrying a one-time link. Only the reference is queued: the dispatcher mints the link
 * and renders the text when it sends, so no link is ever stored (issue 7 item 1).
 */
export type OutgoingLinkEmail = { practiceId: string; to: string } & (
  | { kind: 'invitation'; invitationId: string }
  | { kind: 'password-reset'; passwordResetId: string }
);

export async function enqueueLinkEmail(tx: Executor, email: OutgoingLinkEmail): Promise<void> {
  await tx.insert(outboxMessages).values({
    practiceId: email.practiceId,
    kind: email.kind,
    toAddress: email.to,
    invitationId: email.kind === 'invitation' ? email.invitationId : null,
    passwordResetId: email.kind === 'password-reset' ? email.passwordResetId : null,
  });
}
