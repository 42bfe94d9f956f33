import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { attachments } from '../carry-forward/tables';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

export const MESSAGE_PARTIES = ['therapist', 'client'] as const;
export type MessageParty = (typeof MESSAGE_PARTIES)[number];

/**
 * A secure message between the client and their therapist within an episode (issue 10), sent
 * under the contact agreement version recorded with it. The body is encrypted with the practice
 * data key (purpose `message.body:<id>`); read state is kept for the recipient.
 */
export const messages = pgTable(
  'messages',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    senderId: uuid('sender_id').notNull(),
    senderParty: text('sender_party', { enum: MESSAGE_PARTIES }).notNull(),
    /** Encrypted text of the message. */
    body: text('body').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** The contact agreement version that allowed it. */
    agreementVersion: integer('agreement_version').notNull(),
    /** Sent by the client outside the therapist's availability windows (an auto-reply was shown). */
    outsideHours: boolean('outside_hours').notNull().default(false),
    /** The risk-language alert this message raised, if any. */
    riskAlertId: uuid('risk_alert_id'),
    /** When the recipient first read it. */
    readAt: timestamp('read_at', { withTimezone: true }),
    /** A file sent with the message (the encrypted attachment store), at most one per message. */
    attachmentId: uuid('attachment_id'),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.senderId],
      foreignColumns: [users.practiceId, users.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.attachmentId],
      foreignColumns: [attachments.practiceId, attachments.id],
    }),
    uniqueIndex('messages_attachment_uq').on(t.practiceId, t.attachmentId),
    index('messages_episode_idx').on(t.practiceId, t.episodeId, t.sentAt),
    index('messages_unread_idx')
      .on(t.practiceId, t.episodeId, t.senderParty)
      .where(sql`read_at IS NULL`),
  ],
);
