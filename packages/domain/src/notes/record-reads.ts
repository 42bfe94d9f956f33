import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { noteAddenda, notes } from './tables';
import { deserialiseBody } from './templates';
import { addendumPurpose, bodyPurpose } from './views';

export type SignedNoteRecord = {
  id: string;
  episodeId: string;
  appointmentId: string | null;
  authorId: string;
  template: string;
  body: Record<string, unknown>;
  signedAt: Date;
  createdAt: Date;
  addenda: { id: string; authorId: string; body: string; createdAt: Date }[];
};

/**
 * The signed notes of the given episodes with their addenda, opened — for the record export
 * (issue 12). Drafts are not the record yet. Psychotherapy notes live in another table under
 * another key and are never read here (HIPAA 45 CFR 164.501). The caller has admitted the
 * episodes and audits the read.
 */
export async function listSignedNotesForRecord(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  episodeIds: readonly string[],
): Promise<SignedNoteRecord[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(notes)
    .where(
      and(
        eq(notes.practiceId, practiceId),
        inArray(notes.episodeId, [...episodeIds]),
        eq(notes.status, 'signed'),
      ),
    )
    .orderBy(asc(notes.signedAt), asc(notes.id));
  const addenda =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(noteAddenda)
          .where(
            and(
              eq(noteAddenda.practiceId, practiceId),
              inArray(
                noteAddenda.noteId,
                rows.map((r) => r.id),
              ),
            ),
          )
          .orderBy(asc(noteAddenda.createdAt), asc(noteAddenda.id));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      episodeId: row.episodeId,
      appointmentId: row.appointmentId,
      authorId: row.authorId,
      template: row.template,
      body: deserialiseBody(
        await keyring.decrypt(db, practiceId, row.body, bodyPurpose(row.id)),
      ) as Record<string, unknown>,
      signedAt: row.signedAt ?? row.updatedAt,
      createdAt: row.createdAt,
      addenda: await Promise.all(
        addenda
          .filter((a) => a.noteId === row.id)
          .map(async (a) => ({
            id: a.id,
            authorId: a.authorId,
            body: await keyring.decrypt(db, practiceId, a.body, addendumPurpose(a.id)),
            createdAt: a.createdAt,
          })),
      ),
    })),
  );
}
