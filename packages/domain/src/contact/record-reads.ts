import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { messageBodyPurpose } from './repository';
import { messages } from './tables';

export type MessageRecord = {
  id: string;
  episodeId: string;
  senderId: string;
  senderParty: 'therapist' | 'client';
  body: string;
  sentAt: Date;
};

/** The secure messages of the given episodes, opened, oldest first (record export, issue 12). */
export async function listMessagesForRecord(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  episodeIds: readonly string[],
): Promise<MessageRecord[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.practiceId, practiceId), inArray(messages.episodeId, [...episodeIds])))
    .orderBy(asc(messages.sentAt), asc(messages.id));
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      episodeId: r.episodeId,
      senderId: r.senderId,
      senderParty: r.senderParty,
      body: await keyring.decrypt(db, practiceId, r.body, messageBodyPurpose(r.id)),
      sentAt: r.sentAt,
    })),
  );
}
