import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteBody } from '../../api/note-types';
import { isApiError } from '../../api/problem';
import { saveNote } from './notes-api';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';

const DELAY_MS = 1500;

const httpsLink = /^https:\/\/\S+\.\S+/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A draft may be incomplete but each field must have its shape: leave out a link or due date
 * still being typed, so autosave keeps working; the editor shows what is wrong with it.
 */
export function draftForSaving(body: NoteBody): NoteBody {
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

export type Autosave = {
  body: NoteBody;
  update: (next: NoteBody) => void;
  status: SaveStatus;
  error: unknown;
  /** Saves now; resolves to the current version, or null when the save failed. */
  flush: () => Promise<number | null>;
};

/**
 * Debounced autosave with optimistic concurrency: each PATCH names the version it edited, so a
 * save from a stale tab is refused (409) instead of overwriting newer text.
 */
export function useAutosave(noteId: string, initial: NoteBody, initialVersion: number): Autosave {
  const [body, setBody] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<unknown>(null);
  const version = useRef(initialVersion);
  const pending = useRef<NoteBody | null>(null);
  const inFlight = useRef<Promise<number | null> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const blocked = useRef(false);

  const flush = useCallback(async (): Promise<number | null> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (blocked.current) return null;
    const toSave = pending.current;
    if (!toSave) return version.current;
    pending.current = null;
    setStatus('saving');
    const run = (async (): Promise<number | null> => {
      try {
        const saved = await saveNote(noteId, {
          version: version.current,
          body: draftForSaving(toSave),
        });
        version.current = saved.version ?? version.current + 1;
        setError(null);
        setStatus(pending.current ? 'unsaved' : 'saved');
        return version.current;
      } catch (failure) {
        setError(failure);
        if (isApiError(failure) && failure.status === 409) {
          blocked.current = true;
          setStatus('conflict');
        } else {
          pending.current = pending.current ?? toSave;
          setStatus('error');
        }
        return null;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, [noteId]);

  const update = useCallback(
    (next: NoteBody) => {
      setBody(next);
      if (blocked.current) return;
      pending.current = next;
      setStatus('unsaved');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [flush],
  );

  // Save what is left when leaving the page, and warn before closing the tab with unsaved text.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent): void => {
      if (pending.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (pending.current) void flush();
    };
  }, [flush]);

  return { body, update, status, error, flush };
}
