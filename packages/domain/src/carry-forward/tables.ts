import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';
import { notes } from '../notes/tables';

/** A theme to keep following across sessions; open until a later note closes it. */
export const threads = pgTable(
  'threads',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    openedInNoteId: uuid('opened_in_note_id').notNull(),
    /** Encrypted: a thread's title is clinical content. */
    title: text('title').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedInNoteId: uuid('closed_in_note_id'),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.openedInNoteId],
      foreignColumns: [notes.practiceId, notes.id],
    }),
    index('threads_episode_idx').on(t.practiceId, t.episodeId, t.openedAt),
  ],
);

/** An uploaded file for music work (recording, lyrics), encrypted at rest. */
export const attachments = pgTable(
  'attachments',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    /** Encrypted: a file's name can say what it holds ("letter to my father.m4a"). */
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** AES-256-GCM sealed content, base64 (see crypto/field-encryption). */
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.uploadedBy],
      foreignColumns: [users.practiceId, users.id],
    }),
  ],
);

/** Homework set in a note (FHIR Task); the client sees it in the portal and marks it done. */
export const homework = pgTable(
  'homework',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    episodeId: uuid('episode_id').notNull(),
    noteId: uuid('note_id').notNull(),
    /** Encrypted, client-facing. */
    title: text('title').notNull(),
    instructions: text('instructions').notNull(),
    link: text('link'),
    attachmentId: uuid('attachment_id'),
    dueOn: date('due_on'),
    status: text('status', { enum: ['assigned', 'done'] })
      .notNull()
      .default('assigned'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Encrypted: what the client said about it. */
    clientComment: text('client_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({
      columns: [t.practiceId, t.episodeId],
      foreignColumns: [episodes.practiceId, episodes.id],
    }),
    foreignKey({ columns: [t.practiceId, t.noteId], foreignColumns: [notes.practiceId, notes.id] }),
    foreignKey({
      columns: [t.practiceId, t.attachmentId],
      foreignColumns: [attachments.practiceId, attachments.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.createdBy],
      foreignColumns: [users.practiceId, users.id],
    }),
    index('homework_episode_idx').on(t.practiceId, t.episodeId, t.createdAt),
  ],
);
