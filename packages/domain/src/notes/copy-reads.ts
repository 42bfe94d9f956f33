import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { noteAddenda, notes } from './tables';
import type { NoteTemplate } from './templates';
import { notePurpose } from './views';

export type SignedNoteForCopy = {
  template: NoteTemplate;
  signedAt: Date;
  appointmentId: string | null;
  body: Record<string, unknown>;
  addenda: { at: Date; text: string }[];
};

/**
 * The episode's signed session notes with their addenda, opened. Drafts are not part of the
 * record yet; psychotherapy notes live in another table that is never read here.
 */
export async function listSignedNotesForCopy(
  tx: Executor,
  ep: { practiceId: string; id: string },
  open: (sealed: string, purpose: string) => Promise<string>,
): Promise<SignedNoteForCopy[]> {
  const rows = await tx
    .select({
      id: notes.id,
      template: notes.template,
      body: notes.body,
      signedAt: notes.signedAt,
      createdAt: notes.createdAt,
      appointmentId: notes.appointmentId,
    })
    .from(notes)
    .where(
      and(
        eq(notes.practiceId, ep.practiceId),
        eq(notes.episodeId, ep.id),
        eq(notes.status, 'signed'),
      ),
    )
    .orderBy(asc(notes.signedAt));
  const ids = rows.map((r) => r.id);
  const addenda =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(noteAddenda)
          .where(and(eq(noteAddenda.practiceId, ep.practiceId), inArray(noteAddenda.noteId, ids)))
          .orderBy(asc(noteAddenda.createdAt));
  const out: SignedNoteForCopy[] = [];
  for (const r of rows) {
    const json = await open(r.body, notePurpose.body(r.id));
    const { templateVersion: _v, ...body } = JSON.parse(json) as Record<string, unknown>;
    const mine = addenda.filter((a) => a.noteId === r.id);
    const opened: { at: Date; text: string }[] = [];
    for (const a of mine)
      opened.push({ at: a.createdAt, text: await open(a.body, notePurpose.addendum(a.id)) });
    out.push({
      template: r.template,
      signedAt: r.signedAt ?? r.createdAt,
      appointmentId: r.appointmentId,
      body,
      addenda: opened,
    });
  }
  return out;
}
