import {
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

/**
 * A goal of an episode's treatment plan, in the client's own words beside the therapist's
 * (ETHICS.md: "the client's voice is recorded in their own words"). Every text column is
 * encrypted with the practice data key; objectives and GAS levels as JSON.
 */
export const goals = pgTable(
  'goals',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    /** Encrypted. */
    clientWords: text('client_words').notNull(),
    /** Encrypted; therapist-only. */
    therapistWords: text('therapist_words').notNull(),
    /** Encrypted JSON `{ v: 1, items: string[] }`. */
    objectives: text('objectives').notNull(),
    /** Encrypted JSON `{ v: 1, levels: { '-2'…'+2': string } }`; therapist-only. */
    gasLevels: text('gas_levels').notNull(),
    /** GAS weight (Kiresuk & Sherman); therapist-only. */
    weight: doublePrecision('weight').notNull().default(1),
    status: text('status', { enum: ['active', 'achieved', 'discontinued'] })
      .notNull()
      .default('active'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.createdBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('goals_episode_idx').on(t.practiceId, t.episodeId, t.createdAt),
  ],
);

/**
 * A shared version of the plan: the client-visible part of every non-discontinued goal at the
 * moment of sharing (encrypted JSON), and the client's acknowledgement of that version.
 */
export const treatmentPlans = pgTable(
  'treatment_plans',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    version: integer('version').notNull(),
    /** Encrypted JSON `{ v: 1, goals: [{ goalId, clientWords, objectives, status }] }`. */
    snapshot: text('snapshot').notNull(),
    sharedBy: uuid('shared_by').notNull(),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('treatment_plans_version_uq').on(t.practiceId, t.episodeId, t.version),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.sharedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.acknowledgedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
  ],
);

/** A periodic goal review by the therapist, with its GAS T-score and the rule that produced it. */
export const goalReviews = pgTable(
  'goal_reviews',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    reviewedBy: uuid('reviewed_by').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
    tScore: doublePrecision('t_score').notNull(),
    rule: text('rule').notNull(),
    ruleVersion: text('rule_version').notNull(),
    /** Encrypted, optional. */
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.reviewedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('goal_reviews_episode_idx').on(t.practiceId, t.episodeId, t.reviewedAt),
  ],
);

/** One goal's level in a review (−2…+2) and the weight it had then. */
export const goalReviewRatings = pgTable(
  'goal_review_ratings',
  {
    practiceId: uuid('practice_id').notNull(),
    reviewId: uuid('review_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    level: smallint('level').notNull(),
    weight: doublePrecision('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.reviewId, t.goalId] }),
    foreignKey({
      columns: [t.practiceId, t.reviewId],
      foreignColumns: [goalReviews.practiceId, goalReviews.id],
    }),
    foreignKey({ columns: [t.practiceId, t.goalId], foreignColumns: [goals.practiceId, goals.id] }),
  ],
);

/** The client's own rating of progress on a shared goal, with an optional comment (encrypted). */
export const goalClientRatings = pgTable(
  'goal_client_ratings',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    goalId: uuid('goal_id').notNull(),
    ratedBy: uuid('rated_by').notNull(),
    level: smallint('level').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({ columns: [t.practiceId, t.goalId], foreignColumns: [goals.practiceId, goals.id] }),
    foreignKey({
      columns: [t.practiceId, t.ratedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('goal_client_ratings_goal_idx').on(t.practiceId, t.goalId, t.createdAt),
  ],
);

/** "To discuss next session": raised after a review, an alert or by hand; shown in the brief. */
export const discussionItems = pgTable(
  'discussion_items',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    /** Encrypted. */
    text: text('text').notNull(),
    sourceKind: text('source_kind', { enum: ['alert', 'review', 'manual'] })
      .notNull()
      .default('manual'),
    sourceId: uuid('source_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.createdBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.resolvedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('discussion_items_episode_idx').on(t.practiceId, t.episodeId, t.createdAt),
  ],
);
