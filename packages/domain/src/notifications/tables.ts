import { OUTBOX_KINDS, type OutboxKind } from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { invitations, passwordResets, practices } from '../identity/tables';

export { OUTBOX_KINDS, type OutboxKind };

/**
 * Transactional outbox: written in the same transaction as the event that causes the e-mail,
 * delivered afterwards by the dispatcher.
 *
 * No credential is ever stored here (issue 7 item 1): an invitation or password-reset row holds
 * only a reference to its invitation or reset, and the dispatcher mints the link and renders the
 * text at send time. Other kinds hold their rendered subject and text only until they are sent
 * or given up; then both are cleared, so delivered mail leaves recipient, kind and times only.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull().default('other'),
    toAddress: text('to_address').notNull(),
    /** Null for link kinds (rendered at send time) and after delivery. */
    subject: text('subject'),
    textBody: text('text_body'),
    invitationId: uuid('invitation_id'),
    passwordResetId: uuid('password_reset_id'),
    /** `cancelled`: a link whose purpose ended before it was sent (used, expired, deactivated). */
    status: text('status', { enum: ['pending', 'sent', 'failed', 'cancelled'] })
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
    foreignKey({
      columns: [t.practiceId, t.invitationId],
      foreignColumns: [invitations.practiceId, invitations.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.passwordResetId],
      foreignColumns: [passwordResets.practiceId, passwordResets.id],
    }),
  ],
);
