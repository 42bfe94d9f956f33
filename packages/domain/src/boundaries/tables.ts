import { BOUNDARY_ASSESSMENTS, BOUNDARY_KINDS } from '@throughline/contracts';
import {
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

/**
 * The boundary and ethics log of an episode (APA 3.05, ACA A.5–A.6): what happened, whether it was
 * a crossing or a violation, and the therapist's reflection, consultation, code clause and
 * follow-up — sealed JSON in `content`. Entries are added, never edited: a later thought is a new
 * entry, so the log shows how the thinking went.
 */
export const boundaryEntries = pgTable(
  'boundary_entries',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    authorId: uuid('author_id').notNull(),
    kind: text('kind', { enum: BOUNDARY_KINDS }).notNull(),
    assessment: text('assessment', { enum: BOUNDARY_ASSESSMENTS }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** Encrypted JSON `{ v: 1, description, reflection, consultation, codeClause, followUp }`. */
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.authorId],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('boundary_entries_episode_idx').on(t.practiceId, t.episodeId),
  ],
);
