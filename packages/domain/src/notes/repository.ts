import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { episodesTreatedBy } from '../access';
import { sessionHeadSql } from '../appointments';
import { appointments } from '../appointments/tables';
import { episodes } from '../episodes/tables';
import { users } from '../identity/tables';
import { fromPg, type Raw } from '../shared/local-time';
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

/**
 * A note of the practice by id, for `performOnRecord`: its episode then decides who may read it
 * (the therapist, or a supervisor whose consent shares notes). Not for writes.
 */
export async function findInPractice(
  db: Executor,
  practiceId: string,
  id: string,
): Promise<NoteRow | undefined> {
  const [row] = await db
    .select()
    .from(notes)
    .where(and(eq(notes.practiceId, practiceId), eq(notes.id, id)));
  return row;
}

export type NoteSummaryRow = Pick<
  NoteRow,
  'id' | 'episodeId' | 'appointmentId' | 'template' | 'status' | 'createdAt' | 'signedAt'
> & {
  /** The session the note belongs to, in the therapist's zone; null when it has none. */
  session: { startsAt: Date; timeZone: string } | null;
};

type SummaryRaw = Raw<{
  id: string;
  episode_id: string;
  appointment_id: string | null;
  template: NoteRow['template'];
  status: NoteRow['status'];
  created_at: Date;
  signed_at: Date | null;
  session_starts_at: Date | null;
  session_time_zone: string | null;
}>;

/**
 * Notes without bodies, each with its session's start (a lateral primary-key probe), dated by the
 * session — or by their creation when they have none — newest first.
 */
async function listSummaries(
  db: Executor,
  practiceId: string,
  where: SQL,
  order: 'newest' | 'oldest',
): Promise<NoteSummaryRow[]> {
  const direction = order === 'newest' ? sql`DESC` : sql`ASC`;
  const result = await db.execute<SummaryRaw>(sql`
    SELECT n.id, n.episode_id, n.appointment_id, n.template, n.status, n.created_at, n.signed_at,
      s.session_starts_at, s.session_time_zone
    FROM ${notes} n
    LEFT JOIN LATERAL (${sessionHeadSql({ practiceId: sql`n.practice_id`, appointmentId: sql`n.appointment_id` })}) s ON true
    WHERE n.practice_id = ${practiceId}::uuid AND ${where}
    ORDER BY coalesce(s.session_starts_at, n.created_at) ${direction}, n.created_at ${direction}, n.id ${direction}`);
  return result.rows.map((r) => ({
    id: r.id,
    episodeId: r.episode_id,
    appointmentId: r.appointment_id,
    template: r.template,
    status: r.status,
    createdAt: fromPg(r.created_at),
    signedAt: fromPg(r.signed_at),
    session:
      r.session_starts_at && r.session_time_zone
        ? { startsAt: fromPg(r.session_starts_at), timeZone: r.session_time_zone }
        : null,
  }));
}

/** An episode's notes by session date, newest first. */
export function listByEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<NoteSummaryRow[]> {
  return listSummaries(db, practiceId, sql`n.episode_id = ${episodeId}::uuid`, 'newest');
}

/** The notes of one session, oldest first (usually one). */
export function listBySession(
  db: Executor,
  practiceId: string,
  appointmentId: string,
): Promise<NoteSummaryRow[]> {
  return listSummaries(db, practiceId, sql`n.appointment_id = ${appointmentId}::uuid`, 'oldest');
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
