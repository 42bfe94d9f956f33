import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** Calls `save` once the value has been still for `delay` ms; flushes a pending save on unmount. */
export function useDebouncedSave<T>(
  save: (value: T) => Promise<unknown>,
  delay = 800,
): { schedule: (value: T) => void; state: SaveState; flush: () => void; cancel: () => void } {
  const [state, setState] = useState<SaveState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ value: T } | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const run = useCallback(() => {
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    setState('saving');
    saveRef.current(next.value).then(
      () => setState('saved'),
      () => setState('error'),
    );
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(run, delay);
    },
    [run, delay],
  );

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    run();
  }, [run]);

  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);

  useEffect(() => flush, [flush]);
  return { schedule, state, flush, cancel };
}
