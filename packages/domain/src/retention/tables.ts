import {
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes/tables';
import { practices, users } from '../identity/tables';

/**
 * The practice's record-retention numbers (ETHICS.md, record retention): no row means the
 * defaults (7 years after the last service; 3 years after a minor reaches 18).
 */
export const retentionSettings = pgTable('retention_settings', {
  practiceId: uuid('practice_id')
    .primaryKey()
    .references(() => practices.id),
  yearsAfterLastService: integer('years_after_last_service').notNull(),
  yearsAfterMajority: integer('years_after_majority').notNull(),
  ageOfMajority: integer('age_of_majority').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * The fact of a destroyed record: who destroyed it, when, and what kinds of record were erased
 * with their counts (`{ v: 1, erased: { notes: 3, ... } }`: counts only, never content).
 */
export const episodeDestructions = pgTable(
  'episode_destructions',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    destroyedBy: uuid('destroyed_by').notNull(),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }).notNull(),
    erased: jsonb('erased').$type<{ v: 1; erased: Record<string, number> }>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    uniqueIndex('episode_destructions_episode_idx').on(t.practiceId, t.episodeId),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.destroyedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
  ],
);
