import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

/**
 * A supervisor assigned to a therapist by an administrator. It gives nothing by itself: the
 * supervisor reads an episode of the therapist only while its client's supervision consent is
 * live (access/episode-scope.ts).
 */
export const supervisionAssignments = pgTable(
  'supervision_assignments',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    supervisorId: uuid('supervisor_id').notNull(),
    therapistId: uuid('therapist_id').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.supervisorId],
      foreignColumns: [users.practiceId, users.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.therapistId],
      foreignColumns: [users.practiceId, users.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.assignedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    uniqueIndex('supervision_assignments_live_uq')
      .on(t.practiceId, t.supervisorId, t.therapistId)
      .where(sql`ended_at IS NULL`),
  ],
);

/**
 * Cover while away (APA 3.12, 10.09; ACA A.11): a designee reads the brief and alerts of the
 * named episodes between `starts_at` and `ends_at`. No job ends it: the kernel compares the clock.
 */
export const coverArrangements = pgTable(
  'cover_arrangements',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    therapistId: uuid('therapist_id').notNull(),
    designeeId: uuid('designee_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.therapistId],
      foreignColumns: [users.practiceId, users.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.designeeId],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('cover_arrangements_designee_idx').on(t.practiceId, t.designeeId),
    index('cover_arrangements_therapist_idx').on(t.practiceId, t.therapistId),
  ],
);

/** The episodes a cover arrangement names. */
export const coverEpisodes = pgTable(
  'cover_episodes',
  {
    practiceId: uuid('practice_id').notNull(),
    coverId: uuid('cover_id').notNull(),
    episodeId: uuid('episode_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.coverId, t.episodeId] }),
    foreignKey({
      columns: [t.practiceId, t.coverId],
      foreignColumns: [coverArrangements.practiceId, coverArrangements.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    index('cover_episodes_episode_idx').on(t.practiceId, t.episodeId),
  ],
);
