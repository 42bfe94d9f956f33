import { desc, eq } from 'drizzle-orm';
import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { outboxMessages } from './tables';

export type OutboxItem = {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: 'pending' | 'sent' | 'failed';
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
};

/** The practice's e-mails, newest first: the local sink when no SMTP server is configured. */
export async function listOutbox(ctx: AccessContext, limit: number): Promise<OutboxItem[]> {
  const actor = signedIn(ctx);
  const rows = await ctx.services.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.practiceId, actor.practiceId))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    text: r.textBody,
    status: r.status,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    lastError: r.lastError,
  }));
}
