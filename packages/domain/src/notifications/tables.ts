import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { practices } from '../identity/tables';

/**
 * Transactional outbox: written in the same transaction as the event that causes the e-mail,
 * delivered afterwards by the dispatcher. With no SMTP server configured the outbox is the sink.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

import { sql } from 'drizzle-orm';
