import { sql } from 'drizzle-orm';
import { sessionStartSql } from '../appointments';
import type { Keyring } from '../crypto';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';
import { notes } from './tables';
import { notePurpose } from './views';

export type NoteMusic = {
  title: string | null;
  artist: string | null;
  clientCreated: boolean;
  sessionOn: Date;
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The music named in the episode's signed notes (the music-therapy template's "music used"), in
 * session order: only the pieces — title, artist, whether the client made it — never the rest of
 * the note, which stays the therapist's record. For the continuity kit (issue 11). One query.
 */
export async function listSignedNoteMusic(
  db: Executor,
  keyring: Keyring,
  q: { practiceId: string; episodeId: string },
): Promise<NoteMusic[]> {
  const result = await db.execute<Raw<{ id: string; body: string; at: string }>>(sql`
    SELECT n.id, n.body,
      coalesce(${sessionStartSql({ practiceId: sql`n.practice_id`, appointmentId: sql`n.appointment_id` })}, n.signed_at) AS at
    FROM ${notes} n
    WHERE n.practice_id = ${q.practiceId}::uuid AND n.episode_id = ${q.episodeId}::uuid
      AND n.status = 'signed' AND n.template = 'music-therapy'
    ORDER BY at, n.id`);
  const found: NoteMusic[] = [];
  for (const row of result.rows) {
    const body = JSON.parse(
      await keyring.decrypt(db, q.practiceId, row.body, notePurpose.body(row.id)),
    ) as { music?: unknown };
    if (!Array.isArray(body.music)) continue;
    for (const piece of body.music as Record<string, unknown>[]) {
      found.push({
        title: text(piece.title),
        artist: text(piece.artist),
        clientCreated: piece.clientCreated === true,
        sessionOn: fromPg(row.at),
      });
    }
  }
  return found;
}
