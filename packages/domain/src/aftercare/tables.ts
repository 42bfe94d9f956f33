import { CHECK_IN_STATUSES } from '@throughline/contracts';
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
import { clients } from '../clients/tables';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

/**
 * A check-in after the ending (issue 11): one per month the ending plan names, scheduled when the
 * episode enters aftercare while the client's check-in consent is live. The job queue moves it
 * `scheduled → invited → reminded → unanswered`; the client's answer makes it `answered`; a
 * withdrawn consent makes every one still to come `cancelled`. The questionnaires are ordinary
 * responses (`response_ids`); the client's own words are encrypted.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    clientId: uuid('client_id').notNull(),
    afterMonths: integer('after_months').notNull(),
    /** The client's calendar day it is due (the ending day + `after_months`, their zone). */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** When the job queue invites: the morning of `due_on` in the client's zone. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** When the episode entered aftercare: its last scores before this are the ending scores. */
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: CHECK_IN_STATUSES }).notNull().default('scheduled'),
    /** Instrument keys asked (PHQ-4 and WHO-5 unless the practice switched one off). */
    instruments: text('instruments').array().notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    responseIds: jsonb('response_ids').$type<string[]>().notNull().default([]),
    /** Encrypted: "How are things?" in the client's words (null when not answered). */
    words: text('words'),
    wantsToTalk: boolean('wants_to_talk'),
    /**
     * Encrypted: the client's unsent answers, saved as they fill the form in (JSON
     * `{ v: 1, forms, howAreThings, wantsToTalk }`); cleared when the check-in is answered or
     * cancelled.
     */
    draft: text('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.clientId],
      foreignColumns: [clients.practiceId, clients.id],
    }),
    uniqueIndex('check_ins_episode_month_key').on(t.practiceId, t.episodeId, t.afterMonths),
    index('check_ins_client_idx').on(t.practiceId, t.clientId, t.status),
  ],
);

/** A reason a check-in put the client in the aftercare queue (no free text: scores and kinds). */
export type StoredAftercareReason =
  | { kind: 'deterioration'; instrument: string; ending: number; now: number }
  | { kind: 'risk'; source: 'risk-item' | 'risk-language' }
  | { kind: 'reconnect' };

/**
 * The therapist's aftercare queue: a check-in with a reliable worsening against the ending scores,
 * a positive risk item or risk language, or a request to talk again. The therapist offers a
 * booster session (`booster_appointment_id`) and marks it handled.
 */
export const aftercareQueue = pgTable(
  'aftercare_queue',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    checkInId: uuid('check_in_id').notNull(),
    reasons: jsonb('reasons').$type<StoredAftercareReason[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    boosterAppointmentId: uuid('booster_appointment_id'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: uuid('handled_by'),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.checkInId],
      foreignColumns: [checkIns.practiceId, checkIns.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.boosterAppointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.handledBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    uniqueIndex('aftercare_queue_check_in_key').on(t.practiceId, t.checkInId),
    index('aftercare_queue_open_idx').on(t.practiceId, t.episodeId).where(sql`handled_at IS NULL`),
  ],
);
