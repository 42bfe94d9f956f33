import { CONSENT_KINDS } from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from '../clients/tables';
import { users } from '../identity/tables';

/**
 * A practice's consent document of one kind, one row per version. Publishing a new version sets
 * `superseded_at` on the one before; signatures keep pointing at the version they signed.
 * The text is the practice's own form (no client data), so it is stored readable.
 */
export const consentDocuments = pgTable(
  'consent_documents',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Supervision consent: the parts of an episode the supervisor may read. */
    shares: text('shares').array().notNull().default(sql`'{}'::text[]`),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('consent_documents_version_uq').on(t.practiceId, t.kind, t.version),
    foreignKey({
      columns: [t.practiceId, t.publishedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
  ],
);

/**
 * A client's signature of one document version: the name they typed and when. It ends when they
 * withdraw it, or when they sign a newer version of the same kind (`replaced`); at most one
 * signature per client and kind is live. The kernel reads the live supervision signature.
 */
export const consentSignatures = pgTable(
  'consent_signatures',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    documentId: uuid('document_id').notNull(),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    /** Encrypted: the name the client typed. */
    signedName: text('signed_name').notNull(),
    signedBy: uuid('signed_by').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBecause: text('ended_because', { enum: ['withdrawn', 'replaced'] }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.clientId],
      foreignColumns: [clients.practiceId, clients.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.documentId],
      foreignColumns: [consentDocuments.practiceId, consentDocuments.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.signedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    uniqueIndex('consent_signatures_live_uq')
      .on(t.practiceId, t.clientId, t.kind)
      .where(sql`ended_at IS NULL`),
    index('consent_signatures_client_idx').on(t.practiceId, t.clientId),
  ],
);
