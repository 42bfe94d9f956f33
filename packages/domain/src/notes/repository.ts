import { and, asc, desc, eq } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { episodesTreatedBy } from '../access';
import { appointments } from '../appointments/tables';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';
import type { Executor } from '../shared/transaction';
import { noteAddenda, notes, psychotherapyNotes } from './tables';

export type NoteRow = typeof notes.$inferSelect;
export type PsychotherapyNoteRow = typeof psychotherapyNotes.$inferSelect;

/**
 * A session note the actor may see: notes are part of the record but therapist-only (the client
 * reads what carries forward, not the note). `lock` takes a row lock for sign and autosave.
 */
export async function findById(
  db: Executor,
  actor: SignedIn,
  id: string,
  lock = false,
): Promise<NoteRow | undefined> {
  const query = db
    .select({ note: notes })
    .from(notes)
    .innerJoin(
      episodes,
      and(eq(episodes.practiceId, notes.practiceId), eq(episodes.id, notes.episodeId)),
    )
    .where(and(episodesTreatedBy(actor), eq(notes.practiceId, actor.practiceId), eq(notes.id, id)));
  const [row] = lock ? await query.for('update', { of: notes }) : await query;
  return row?.note;
}

export type NoteSummaryRow = Pick<
  NoteRow,
  'id' | 'episodeId' | 'appointmentId' | 'template' | 'status' | 'createdAt' | 'signedAt'
>;

export async function listByEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<NoteSummaryRow[]> {
  return db
    .select({
      id: notes.id,
      episodeId: notes.episodeId,
      appointmentId: notes.appointmentId,
      template: notes.template,
      status: notes.status,
      createdAt: notes.createdAt,
      signedAt: notes.signedAt,
    })
    .from(notes)
    .where(and(eq(notes.practiceId, practiceId), eq(notes.episodeId, episodeId)))
    .orderBy(desc(notes.createdAt), desc(notes.id));
}

export type AddendumRow = typeof noteAddenda.$inferSelect & { authorName: string };

export async function listAddenda(
  db: Executor,
  practiceId: string,
  noteId: string,
): Promise<AddendumRow[]> {
  const rows = await db
    .select({ addendum: noteAddenda, authorName: users.displayName })
    .from(noteAddenda)
    .innerJoin(
      users,
      and(eq(users.practiceId, noteAddenda.practiceId), eq(users.id, noteAddenda.authorId)),
    )
    .where(and(eq(noteAddenda.practiceId, practiceId), eq(noteAddenda.noteId, noteId)))
    .orderBy(asc(noteAddenda.createdAt), asc(noteAddenda.id));
  return rows.map((r) => ({ ...r.addendum, authorName: r.authorName }));
}

/** True when the appointment exists in this episode (a note may only point at its own sessions). */
export async function appointmentInEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
  appointmentId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.practiceId, practiceId),
        eq(appointments.episodeId, episodeId),
        eq(appointments.id, appointmentId),
      ),
    );
  return Boolean(row);
}

/**
 * A psychotherapy note is visible to its author only (HIPAA 45 CFR 164.501, 164.508(a)(2)): not
 * another therapist, a supervisor, an administrator, or the client.
 */
export function authoredBy(actor: SignedIn) {
  return and(
    eq(psychotherapyNotes.practiceId, actor.practiceId),
    eq(psychotherapyNotes.authorId, actor.userId),
  );
}

export async function findPsychotherapyNote(
  db: Executor,
  actor: SignedIn,
  id: string,
): Promise<PsychotherapyNoteRow | undefined> {
  const [row] = await db
    .select()
    .from(psychotherapyNotes)
    .where(and(authoredBy(actor), eq(psychotherapyNotes.id, id)));
  return row;
}

export type PsychotherapyNoteSummaryRow = Omit<
  PsychotherapyNoteRow,
  'body' | 'practiceId' | 'authorId'
>;

export async function listPsychotherapyNotes(
  db: Executor,
  actor: SignedIn,
  episodeId: string,
): Promise<PsychotherapyNoteSummaryRow[]> {
  return db
    .select({
      id: psychotherapyNotes.id,
      episodeId: psychotherapyNotes.episodeId,
      appointmentId: psychotherapyNotes.appointmentId,
      createdAt: psychotherapyNotes.createdAt,
      updatedAt: psychotherapyNotes.updatedAt,
    })
    .from(psychotherapyNotes)
    .where(and(authoredBy(actor), eq(psychotherapyNotes.episodeId, episodeId)))
    .orderBy(desc(psychotherapyNotes.createdAt), desc(psychotherapyNotes.id));
}
