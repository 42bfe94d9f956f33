import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { practices } from '../identity/tables';

/**
 * Insert-only audit events. Requests only INSERT (no lock on a chain head); a background sealer
 * later assigns `seq` and hashes in id order, chaining each event to the previous one per practice.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    version: integer('version').notNull().default(1),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    outcome: text('outcome', { enum: ['success', 'denied', 'failure'] }).notNull(),
    requestId: text('request_id'),
    /** Version 2 on: where the request came from (plaintext by design: needed to investigate). */
    clientAddress: text('client_address'),
    userAgent: text('user_agent'),
    /** Non-clinical context only (e.g. a reason code); versioned by `version`. */
    /**
     * Version 3 on: the client whose record the event is about (set by the access kernel for
     * actions on a client, an episode or a record of one), so the client's access report
     * (HIPAA 164.528 accounting of disclosures) reads one index range instead of every resource.
     * No foreign key: the audit log outlives a destroyed record.
     */
    subjectClientId: uuid('subject_client_id'),
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>(),
    seq: bigint('seq', { mode: 'bigint' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_events_unsealed_idx').on(t.practiceId, t.id).where(sql`seq IS NULL`),
    index('audit_events_chain_idx').on(t.practiceId, t.seq),
    index('audit_events_resource_idx').on(t.practiceId, t.resourceType, t.resourceId),
    index('audit_events_subject_idx')
      .on(t.practiceId, t.subjectClientId, t.occurredAt.desc(), t.id.desc())
      .where(sql`subject_client_id IS NOT NULL`),
  ],
);

/** The end of each practice's sealed chain, so that removing the newest events is detected. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  practiceId: uuid('practice_id')
    .primaryKey()
    .references(() => practices.id),
  lastSeq: bigint('last_seq', { mode: 'bigint' }).notNull(),
  lastHash: text('last_hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});

import { sql } from 'drizzle-orm';
