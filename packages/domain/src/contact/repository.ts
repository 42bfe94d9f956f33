import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { type MessageParty, messages } from './tables';

export type MessageRow = typeof messages.$inferSelect;

/** Encryption purpose of a message body (field encryption associated data). */
export const messageBodyPurpose = (id: string): string => `message.body:${id}`;

export async function insertMessage(
  tx: Executor,
  row: typeof messages.$inferInsert,
): Promise<MessageRow> {
  const [inserted] = await tx.insert(messages).values(row).returning();
  if (!inserted) throw new Error('message insert returned nothing');
  return inserted;
}

export async function setRiskAlert(
  tx: Executor,
  key: { practiceId: string; id: string },
  alertId: string,
): Promise<void> {
  await tx
    .update(messages)
    .set({ riskAlertId: alertId })
    .where(and(eq(messages.practiceId, key.practiceId), eq(messages.id, key.id)));
}

/** The episode's conversation, oldest first (the caller has been admitted to the episode). */
export function listByEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.practiceId, practiceId), eq(messages.episodeId, episodeId)))
    .orderBy(asc(messages.sentAt), asc(messages.id));
}

/** Messages in the episode not yet read by `reader` (sent by the other party). */
export async function countUnread(
  db: Executor,
  practiceId: string,
  episodeId: string,
  reader: MessageParty,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(
      and(
        eq(messages.practiceId, practiceId),
        eq(messages.episodeId, episodeId),
        ne(messages.senderParty, reader),
        isNull(messages.readAt),
      ),
    );
  return row?.n ?? 0;
}

/** Marks every message of the other party read; returns how many changed. */
export async function markRead(
  tx: Executor,
  practiceId: string,
  episodeId: string,
  reader: MessageParty,
  at: Date,
): Promise<number> {
  const changed = await tx
    .update(messages)
    .set({ readAt: at })
    .where(
      and(
        eq(messages.practiceId, practiceId),
        eq(messages.episodeId, episodeId),
        ne(messages.senderParty, reader),
        isNull(messages.readAt),
      ),
    )
    .returning({ id: messages.id });
  return changed.length;
}

/** The message a file was sent with, if any. */
export async function findByAttachment(
  db: Executor,
  practiceId: string,
  attachmentId: string,
): Promise<MessageRow | undefined> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.practiceId, practiceId), eq(messages.attachmentId, attachmentId)));
  return row;
}
