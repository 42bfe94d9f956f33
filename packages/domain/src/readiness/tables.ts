import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

/**
 * One side's view of readiness to end an episode (issue 11): a point on the 1–5 scale and the
 * words of who gave it (encrypted). Views are never edited: a newer one is shown in place of the
 * older, and the history is kept with who gave each and when.
 */
export const readinessViews = pgTable(
  'readiness_views',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    party: text('party', { enum: ['client', 'therapist'] }).notNull(),
    level: smallint('level').notNull(),
    /** Encrypted: the view in the words of who gave it (may be empty). */
    words: text('words').notNull(),
    givenBy: uuid('given_by').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.givenBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    check('readiness_views_level_ck', sql`${t.level} BETWEEN 1 AND 5`),
    index('readiness_views_episode_idx').on(t.practiceId, t.episodeId, t.givenAt),
  ],
);
