import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/problem';

/** `idle`: nothing changed yet. `conflict`: the server refused a stale save (409); stop saving. */
export type SaveStatus = 'idle' | 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';

export type Autosave<T, R> = {
  value: T;
  /** Takes the new value and saves it once it has been still for the delay. */
  update: (next: T) => void;
  status: SaveStatus;
  error: unknown;
  /** Saves now; resolves to the latest save's answer, or null when the save failed. */
  flush: () => Promise<R | null>;
  /** Drops a pending save (for example when the value is about to be submitted instead). */
  cancel: () => void;
};

type Options<T, R> = {
  initial: T;
  save: (value: T) => Promise<R>;
  /** The answer `flush` gives before anything was saved (a note's current version). */
  initialResult?: R;
  onSaved?: (result: R) => void;
  delayMs?: number;
};

/**
 * The one autosave of the web app (session notes, the portal's questionnaires): debounced, one
 * save in flight at a time, the last unsaved value kept after a failure and saved again with the
 * next change, a 409 stops saving (the text changed elsewhere), and what is left is saved when
 * the page is left, with a warning before closing the tab with unsaved changes.
 */
export function useAutosave<T, R>({
  initial,
  save,
  initialResult,
  onSaved,
  delayMs = 1500,
}: Options<T, R>): Autosave<T, R> {
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<unknown>(null);
  const last = useRef<R | null>(initialResult ?? null);
  const pending = useRef<{ value: T } | null>(null);
  const inFlight = useRef<Promise<R | null> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const blocked = useRef(false);
  // The latest callbacks, so a save scheduled before a re-render uses the current ones.
  const saveRef = useRef(save);
  saveRef.current = save;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const flush = useCallback(async (): Promise<R | null> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (blocked.current) return null;
    const next = pending.current;
    if (!next) return last.current;
    pending.current = null;
    setStatus('saving');
    const run = (async (): Promise<R | null> => {
      try {
        const result = await saveRef.current(next.value);
        last.current = result;
        onSavedRef.current?.(result);
        setError(null);
        setStatus(pending.current ? 'unsaved' : 'saved');
        return result;
      } catch (failure) {
        setError(failure);
        if (isApiError(failure) && failure.status === 409) {
          blocked.current = true;
          setStatus('conflict');
        } else {
          pending.current = pending.current ?? next;
          setStatus('error');
        }
        return null;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, []);

  const update = useCallback(
    (next: T) => {
      setValue(next);
      if (blocked.current) return;
      pending.current = { value: next };
      setStatus('unsaved');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
  }, []);

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

  return { value, update, status, error, flush, cancel };
}
