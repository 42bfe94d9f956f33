import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from '../clients/tables';
import { practices, users } from '../identity/tables';

export const episodePhaseEnum = pgEnum('episode_phase', [
  'intake',
  'active',
  'ending',
  'aftercare',
  'closed',
]);

/**
 * One course of therapy between one therapist and one client (FHIR EpisodeOfCare). A return opens
 * a new episode linked to the previous one; the chain is the relationship.
 */
export const episodes = pgTable(
  'episodes',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    therapistId: uuid('therapist_id').notNull(),
    phase: episodePhaseEnum('phase').notNull().default('intake'),
    /** Encrypted: a short label, e.g. "Music therapy, 2026" (a therapist may write more). */
    title: text('title').notNull(),
    previousEpisodeId: uuid('previous_episode_id'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.clientId],
      foreignColumns: [clients.practiceId, clients.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.therapistId],
      foreignColumns: [users.practiceId, users.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.previousEpisodeId],
      foreignColumns: [t.practiceId, t.id],
    }),
    index('episodes_client_idx').on(t.practiceId, t.clientId, t.openedAt),
    index('episodes_therapist_idx').on(t.practiceId, t.therapistId, t.phase),
    // At most one open episode per client and therapist at a time.
    uniqueIndex('episodes_one_open_idx')
      .on(t.practiceId, t.clientId, t.therapistId)
      .where(sql`phase <> 'closed'`),
  ],
);

/** Every phase change, with who, when and why: phases are never edited silently. */
export const episodePhaseChanges = pgTable(
  'episode_phase_changes',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    fromPhase: episodePhaseEnum('from_phase'),
    toPhase: episodePhaseEnum('to_phase').notNull(),
    changedBy: uuid('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Encrypted: free text, often clinical ("referred by their GP after…"). */
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.changedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('episode_phase_changes_episode_idx').on(t.practiceId, t.episodeId, t.changedAt),
  ],
);

/**
 * How an episode ended (issue 11): one per episode, never a silent flip. `kind` is one of
 * `ENDING_KINDS` (contracts); the reason and the per-kind details (outreach attempts, closure
 * letter, referrals, handover summary) are encrypted. `responsible_id` names who answers for the
 * episode after the therapist's death or incapacity (the cover designee).
 */
export const episodeEndings = pgTable(
  'episode_endings',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    kind: text('kind').notNull(),
    /** Encrypted: free text, clinical. */
    reason: text('reason').notNull(),
    /** Encrypted JSON (`{ v: 1, ... }`): the form of this kind. */
    details: text('details').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    responsibleId: uuid('responsible_id'),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    uniqueIndex('episode_endings_episode_idx').on(t.practiceId, t.episodeId),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.recordedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.responsibleId],
      foreignColumns: [users.practiceId, users.id],
    }),
  ],
);
