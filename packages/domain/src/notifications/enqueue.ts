import type { Executor } from '../shared/transaction';
import { outboxMessages } from './tables';

export type OutgoingEmail = { practiceId: string; to: string; subject: string; text: string };

/** Queues an e-mail in the caller's transaction; it is sent only if that transaction commits. */
export async function enqueueEmail(tx: Executor, email: OutgoingEmail): Promise<void> {
  await tx.insert(outboxMessages).values({
    practiceId: email.practiceId,
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
  });
}
