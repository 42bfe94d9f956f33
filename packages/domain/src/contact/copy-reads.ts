import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { messages } from './tables';

/** An episode's messages, oldest first, bodies still sealed, for the client's copy (issue 12). */
export function listEpisodeMessageRows(tx: Executor, ep: { practiceId: string; id: string }) {
  return tx
    .select({
      id: messages.id,
      senderId: messages.senderId,
      senderParty: messages.senderParty,
      body: messages.body,
      sentAt: messages.sentAt,
    })
    .from(messages)
    .where(and(eq(messages.practiceId, ep.practiceId), eq(messages.episodeId, ep.id)))
    .orderBy(asc(messages.sentAt));
}
