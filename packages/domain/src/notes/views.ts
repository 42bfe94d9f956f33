import type { Addendum, Note } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import type { AddendumRow, NoteRow } from './repository';
import { deserialiseBody, type NoteBody } from './templates';

export type AddendumView = Addendum;

export type NoteView = Omit<Note, 'body'> & { body: NoteBody };

export const bodyPurpose = (noteId: string): string => `note.body:${noteId}`;
export const addendumPurpose = (addendumId: string): string => `note.addendum:${addendumId}`;
export const psychotherapyPurpose = (id: string): string => `psychotherapy-note.body:${id}`;

/**
 * The encryption purposes of this module's sealed columns, for the read models that open them
 * (brief, timeline, fixtures). A purpose is bound into the ciphertext, so a reader typing the
 * string again would break only at run time on a rename; importing these breaks at compile time.
 */
export const notePurpose = {
  body: bodyPurpose,
  addendum: addendumPurpose,
  psychotherapyBody: psychotherapyPurpose,
} as const;

export async function toNoteView(
  tx: Executor,
  ctx: AccessContext,
  row: NoteRow,
  addenda: AddendumRow[] = [],
): Promise<NoteView> {
  const { keyring } = ctx.services;
  const body = deserialiseBody(
    await keyring.decrypt(tx, row.practiceId, row.body, bodyPurpose(row.id)),
  );
  return {
    id: row.id,
    episodeId: row.episodeId,
    appointmentId: row.appointmentId,
    template: row.template,
    status: row.status,
    version: row.version,
    body,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    signedAt: row.signedAt,
    addenda: await Promise.all(
      addenda.map(async (a) => ({
        id: a.id,
        text: await keyring.decrypt(tx, a.practiceId, a.body, addendumPurpose(a.id)),
        authorId: a.authorId,
        authorName: a.authorName,
        createdAt: a.createdAt,
      })),
    ),
  };
}
