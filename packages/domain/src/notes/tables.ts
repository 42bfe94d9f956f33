import {
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
import { appointments } from '../appointments/tables';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';

export const noteTemplateEnum = pgEnum('note_template', ['soap', 'dap', 'birp', 'music-therapy']);

/**
 * A session note (part of the clinical record). `body` is the template's fields as JSON,
 * encrypted with the practice data key. Signed notes are immutable; corrections are addenda.
 */
export const notes = pgTable(
  'notes',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    appointmentId: uuid('appointment_id'),
    authorId: uuid('author_id').notNull(),
    template: noteTemplateEnum('template').notNull(),
    status: text('status', { enum: ['draft', 'signed'] })
      .notNull()
      .default('draft'),
    body: text('body').notNull(),
    /** Optimistic concurrency for autosave: each save must name the version it edited. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
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
      columns: [t.practiceId, t.authorId],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('notes_episode_idx').on(t.practiceId, t.episodeId, t.createdAt),
  ],
);

export const noteAddenda = pgTable(
  'note_addenda',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    noteId: uuid('note_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({ columns: [t.practiceId, t.noteId], foreignColumns: [notes.practiceId, notes.id] }),
    foreignKey({
      columns: [t.practiceId, t.authorId],
      foreignColumns: [users.practiceId, users.id],
    }),
  ],
);

/**
 * Psychotherapy (process) notes, HIPAA 45 CFR 164.501: kept apart from the record, encrypted with a
 * separate practice key, readable only by their author; never in the portal, exports or
 * supervisor views.
 */
export const psychotherapyNotes = pgTable(
  'psychotherapy_notes',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    appointmentId: uuid('appointment_id'),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
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
      columns: [t.practiceId, t.authorId],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('psychotherapy_notes_author_idx').on(t.practiceId, t.authorId, t.episodeId),
  ],
);
