import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

/**
 * The ending summary of an episode (issue 11), one row per saved version: every save by the
 * therapist adds a version (optimistic: the next number, unique per episode), none is edited.
 * Sharing marks the version the client sees; a later save is a new draft and the client keeps
 * seeing the shared one until that is shared in turn.
 */
export const endingSummaries = pgTable(
  'ending_summaries',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    version: integer('version').notNull(),
    /** Encrypted: JSON `{ v: 1, facts, words }` — clinical content written for the client. */
    content: text('content').notNull(),
    savedBy: uuid('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    sharedBy: uuid('shared_by'),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('ending_summaries_version_key').on(t.practiceId, t.episodeId, t.version),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.savedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.sharedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('ending_summaries_episode_idx').on(t.practiceId, t.episodeId, t.version),
  ],
);
