import type { Note, NoteBody, Wire } from '@throughline/contracts';
import { useRef } from 'react';
import { type Autosave, useAutosave } from '../../app/use-autosave';
import { saveNote } from './notes-api';

const httpsLink = /^https:\/\/\S+\.\S+/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export type DraftBody = Wire<NoteBody>;

/**
 * A draft may be incomplete but each field must have its shape: leave out a link or due date
 * still being typed, so autosave keeps working; the editor shows what is wrong with it.
 */
export function draftForSaving(body: DraftBody): DraftBody {
  if (!body.homework) return body;
  return {
    ...body,
    homework: body.homework.map(({ link, dueOn, ...item }) => ({
      ...item,
      ...(link && httpsLink.test(link) ? { link } : {}),
      ...(dueOn && isoDate.test(dueOn) ? { dueOn } : {}),
    })),
  };
}

export function linkError(link: string | undefined): string | null {
  if (!link) return null;
  return httpsLink.test(link) ? null : 'Use a full https:// link; it is saved once complete.';
}

/**
 * The note's autosave: the shared hook, with optimistic concurrency. Each PATCH names the version
 * it edited, so a save from a stale tab is refused (409) instead of overwriting newer text;
 * `flush` answers the version saved, which signing names.
 */
export function useNoteAutosave(note: Wire<Note>): Autosave<DraftBody, number> {
  const version = useRef(note.version);
  return useAutosave<DraftBody, number>({
    initial: note.body,
    initialResult: note.version,
    save: async (body, options) => {
      const saved = await saveNote(
        note.id,
        { version: version.current, body: draftForSaving(body) },
        options,
      );
      version.current = saved.version;
      return saved.version;
    },
  });
}
