import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appointments } from '../appointments/tables';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

/** Which instrument an episode measures, and when (CLINICAL.md; practice defaults, changeable). */
export const measurementPlans = pgTable(
  'measurement_plans',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    instrument: text('instrument').notNull(),
    schedule: text('schedule', {
      enum: [
        'before-every-session',
        'every-n-sessions',
        'every-n-weeks',
        'once',
        'weekly',
        'monthly',
        'intake-and-ending',
      ],
    }).notNull(),
    /** For `every-n-sessions` and `every-n-weeks`. */
    everyN: integer('every_n'),
    /** Nothing is asked before this day (the client's calendar day); null: from the start. */
    startsOn: date('starts_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    uniqueIndex('measurement_plans_episode_instrument_key').on(
      t.practiceId,
      t.episodeId,
      t.instrument,
    ),
  ],
);

/** A questionnaire the client is asked to complete (a portal task), with saved partial answers. */
export const measureTasks = pgTable(
  'measure_tasks',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    instrument: text('instrument').notNull(),
    appointmentId: uuid('appointment_id'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'completed', 'expired'] })
      .notNull()
      .default('open'),
    /** Encrypted JSON array of answers so far (null = none). */
    partialAnswers: text('partial_answers'),
    /**
     * The urgent alert raised when saved partial answers had a positive risk item, so repeated
     * saves raise it once and the final submission reuses it (CLINICAL.md §1, §4).
     */
    riskAlertId: uuid('risk_alert_id'),
    responseId: uuid('response_id'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.appointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }),
    index('measure_tasks_open_idx')
      .on(t.practiceId, t.episodeId, t.dueAt)
      .where(sql`status = 'open'`),
    // One task per instrument and session.
    uniqueIndex('measure_tasks_session_key')
      .on(t.practiceId, t.episodeId, t.instrument, t.appointmentId)
      .where(sql`appointment_id IS NOT NULL`),
  ],
);

/**
 * A completed questionnaire (FHIR QuestionnaireResponse) with its score (Observation). Answers are
 * encrypted; the score columns are what charts, outcome and alerts read. `result` is the full
 * scoring result of the clinical core, versioned (instrument version and rule).
 */
export const responses = pgTable(
  'responses',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    instrument: text('instrument').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    appointmentId: uuid('appointment_id'),
    /** Encrypted JSON array of the answers, in item order. */
    answers: text('answers').notNull(),
    total: integer('total').notNull(),
    band: text('band'),
    flags: jsonb('flags').$type<string[]>().notNull(),
    subscales: jsonb('subscales').$type<Record<string, number>>().notNull(),
    /** WHO-5 percentage (raw × 4); null for other instruments. */
    percentage: integer('percentage'),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    enteredBy: uuid('entered_by').notNull(),
    /** True when a therapist entered a paper form on the client's behalf. */
    onBehalf: boolean('on_behalf').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.appointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.enteredBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('responses_episode_idx').on(t.practiceId, t.episodeId, t.instrument, t.completedAt),
  ],
);

/** An alert from a published rule (CLINICAL.md §4): the rule, its inputs and version are kept. */
export const alerts = pgTable(
  'alerts',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    responseId: uuid('response_id'),
    kind: text('kind', {
      enum: [
        'risk-item',
        'reliable-deterioration',
        'not-on-track',
        'alliance-drop',
        'risk-language',
      ],
    }).notNull(),
    severity: text('severity', { enum: ['urgent', 'warning'] }).notNull(),
    rule: text('rule').notNull(),
    ruleVersion: text('rule_version').notNull(),
    /**
     * Encrypted JSON of what the rule saw (scores, thresholds, session number; for a risk item
     * also the item's text and the client's answer).
     */
    inputs: text('inputs').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
    /** Encrypted: the therapist's note on acknowledging. */
    acknowledgementNote: text('acknowledgement_note'),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.responseId],
      foreignColumns: [responses.practiceId, responses.id],
    }),
    index('alerts_open_idx')
      .on(t.practiceId, t.episodeId, t.createdAt)
      .where(sql`acknowledged_at IS NULL`),
  ],
);

/**
 * A therapist sharing an episode's progress with the client (issue 4): one instrument, or all of
 * them (`instrument` null). Stopping sharing sets `revoked_at`; the row stays as the record.
 */
export const progressShares = pgTable(
  'progress_shares',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    /** Null = every instrument of the episode. */
    instrument: text('instrument'),
    sharedBy: uuid('shared_by').notNull(),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.sharedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('progress_shares_active_idx')
      .on(t.practiceId, t.episodeId)
      .where(sql`revoked_at IS NULL`),
  ],
);
