import {
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A practice's own instrument, imported from a FHIR Questionnaire (docs/measures.md, "Custom
 * instruments"). Versioned: re-importing the same key adds a version and every stored response
 * names the version that scored it. `definition` is the clinical core's definition shape inside a
 * versioned envelope; it is the form's wording and scoring, not anything about a client.
 */
export const practiceInstruments = pgTable(
  'practice_instruments',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    definition: jsonb('definition').$type<{ v: number; definition: unknown }>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Retired instruments cannot be planned or sent; their scores stay readable. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    uniqueIndex('practice_instruments_version_key').on(t.practiceId, t.key, t.version),
  ],
);
