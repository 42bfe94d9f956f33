import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/problem';
import { type LeaveGuard, useLeaveGuard } from './use-leave-guard';

/** `idle`: nothing changed yet. `conflict`: the server refused a stale save (409); stop saving. */
export type SaveStatus = 'idle' | 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';

/** How a save is sent: `keepalive` when the page is hidden or closing, so the request outlives it. */
export type SaveOptions = { keepalive: boolean };

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
  /** A link inside the app was followed while a save failed: render `LeaveWarning` with it. */
  leaving: LeaveGuard;
};

type Options<T, R> = {
  initial: T;
  /** Sends one save; it passes `options.keepalive` on to the API client. */
  save: (value: T, options: SaveOptions) => Promise<R>;
  /** The answer `flush` gives before anything was saved (a note's current version). */
  initialResult?: R;
  onSaved?: (result: R) => void;
  delayMs?: number;
};

const NOW: SaveOptions = { keepalive: false };
const LEAVING: SaveOptions = { keepalive: true };

/**
 * The one autosave of the web app (session notes, the portal's questionnaires): debounced, one
 * save in flight at a time, the last unsaved value kept after a failure and saved again with the
 * next change, a 409 stops saving (the text changed elsewhere). What is left is saved when the
 * page is hidden or closed (a keepalive request, which the browser finishes after the tab is
 * gone) and when the component unmounts; the browser warns before closing the tab while a save
 * is pending or has failed, and a link inside the app waits for the save (see use-leave-guard).
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
  /** Counts saves sent, so an earlier one that answers late leaves the status to the latest. */
  const sent = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const blocked = useRef(false);
  // The latest callbacks, so a save scheduled before a re-render uses the current ones.
  const saveRef = useRef(save);
  saveRef.current = save;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  /** Sends the pending value at once (never waits: the page may be closing). */
  const send = useCallback((options: SaveOptions): Promise<R | null> | null => {
    const next = pending.current;
    if (blocked.current || !next) return null;
    pending.current = null;
    setStatus('saving');
    const id = ++sent.current;
    const run = (async (): Promise<R | null> => {
      try {
        const result = await saveRef.current(next.value, options);
        last.current = result;
        onSavedRef.current?.(result);
        setError(null);
        if (sent.current === id) setStatus(pending.current ? 'unsaved' : 'saved');
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
        if (sent.current === id) inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, []);

  const flushWith = useCallback(
    async (options: SaveOptions): Promise<R | null> => {
      clearTimeout(timer.current);
      if (inFlight.current) await inFlight.current;
      if (blocked.current) return null;
      const run = send(options);
      return run ? await run : last.current;
    },
    [send],
  );
  const flush = useCallback(() => flushWith(NOW), [flushWith]);

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

  const unsaved = useCallback(
    (): boolean => !blocked.current && (pending.current !== null || inFlight.current !== null),
    [],
  );

  useEffect(() => {
    // Closing the tab: nothing after this handler is sure to run, so send what is unsaved now,
    // without waiting for a save in flight.
    const onPageHide = (): void => {
      clearTimeout(timer.current);
      void send(LEAVING);
    };
    // Hidden (another tab, the phone's home screen): the page may be discarded without another
    // event, but it still runs, so a save in flight is awaited first.
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') void flushWith(LEAVING);
    };
    const warn = (event: BeforeUnloadEvent): void => {
      if (unsaved()) event.preventDefault();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', warn);
      if (pending.current) void flush();
    };
  }, [flush, flushWith, send, unsaved]);

  const leaving = useLeaveGuard({ unsaved, flush: async () => (await flush()) !== null });

  return { value, update, status, error, flush, cancel, leaving };
}
