import type { OutboxEmail } from '@throughline/contracts';
import { desc, eq } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { inTransaction } from '../shared/transaction';
import { outboxMessages } from './tables';

/**
 * What an administrator may see of an e-mail: to whom, what kind, and whether it went out. Never
 * its subject or text: an invitation or reset link read here would let the reader take over the
 * recipient's account (issue 7 item 1).
 */
export type OutboxItem = OutboxEmail;

/** The practice's e-mails, newest first. The read is audited. */
export async function listOutbox(ctx: AccessContext, limit: number): Promise<OutboxItem[]> {
  const actor = signedIn(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    const rows = await tx
      .select({
        id: outboxMessages.id,
        to: outboxMessages.toAddress,
        kind: outboxMessages.kind,
        status: outboxMessages.status,
        attempts: outboxMessages.attempts,
        createdAt: outboxMessages.createdAt,
        sentAt: outboxMessages.sentAt,
        lastError: outboxMessages.lastError,
      })
      .from(outboxMessages)
      .where(eq(outboxMessages.practiceId, actor.practiceId))
      .orderBy(desc(outboxMessages.createdAt))
      .limit(limit);
    await recordAudit(tx, ctx, {
      action: 'outbox.read',
      resourceType: 'outbox',
      outcome: 'success',
      detail: { count: rows.length },
    });
    return rows;
  });
}
