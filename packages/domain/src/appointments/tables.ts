import {
  boolean,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

export const appointmentStatusEnum = pgEnum('appointment_status', [
  'scheduled',
  'attended',
  'cancelled',
  'no-show',
]);

/**
 * A recurring series (RFC 5545 RRULE) anchored to a wall-clock start in the therapist's time zone,
 * so a 10:00 weekly session stays at 10:00 across daylight-saving changes. Occurrences are
 * materialised as appointments; "all following" edits end this series and start a new one.
 */
export const appointmentSeries = pgTable(
  'appointment_series',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    rrule: text('rrule').notNull(),
    /** Local date-time of the first occurrence, ISO without offset (e.g. 2026-03-02T10:00). */
    startLocal: text('start_local').notNull(),
    timeZone: text('time_zone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when an "all following" change or a cancellation ends the series early. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
  ],
);

/** One session (FHIR Appointment, and the Encounter once attended). */
export const appointments = pgTable(
  'appointments',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    /** Denormalised from the episode, so conflicts are found with one index. */
    therapistId: uuid('therapist_id').notNull(),
    seriesId: uuid('series_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: appointmentStatusEnum('status').notNull().default('scheduled'),
    modality: text('modality', { enum: ['in-person', 'video', 'phone'] })
      .notNull()
      .default('in-person'),
    /** Encrypted: an address can identify the client (a home visit). */
    location: text('location'),
    /**
     * An assessment session does not count towards "finished treatment" (two attended treatment
     * sessions, CLINICAL.md §3); unmarked sessions are treatment sessions.
     */
    kind: text('kind', { enum: ['treatment', 'assessment'] })
      .notNull()
      .default('treatment'),
    cancelledBy: text('cancelled_by', { enum: ['client', 'therapist'] }),
    /** Why a session was cancelled when no one cancelled it alone: the agreed ending plan's taper. */
    cancelledBecause: text('cancelled_because', { enum: ['ending-plan'] }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Cancelled less than the practice's notice period (24 h) before the start. */
    lateCancellation: boolean('late_cancellation'),
    statusChangedBy: uuid('status_changed_by'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    reminderJobId: text('reminder_job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.seriesId],
      foreignColumns: [appointmentSeries.practiceId, appointmentSeries.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.therapistId],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('appointments_episode_idx').on(t.practiceId, t.episodeId, t.startsAt),
    index('appointments_therapist_idx').on(t.practiceId, t.therapistId, t.startsAt),
  ],
);
