import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clients } from '../clients/tables';
import { users } from '../identity/tables';

/**
 * A client's request for a copy of their record, when the practice reviews copies before release
 * (issue 12; HIPAA 45 CFR 164.524(b)(2): acted on within 30 days). One row per request; its
 * answer (released or refused, by whom, when, and why) is written once, never edited.
 */
export const recordRequests = pgTable(
  'record_requests',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    dueBy: timestamp('due_by', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['pending', 'released', 'refused'] })
      .notNull()
      .default('pending'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    /** Encrypted: the therapist's reason for a refusal, written for the client to read. */
    refusalReason: text('refusal_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.clientId],
      foreignColumns: [clients.practiceId, clients.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.decidedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('record_requests_client_idx').on(t.practiceId, t.clientId, t.requestedAt),
  ],
);
