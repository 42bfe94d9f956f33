import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';

/** `asking`: the save failed as a link inside the app was followed; the person chooses. */
export type LeaveGuard = { asking: boolean; stay: () => void; leave: () => void };

type Options = {
  /** Whether there are changes not yet saved (pending, in flight or failed). */
  unsaved: () => boolean;
  /** Saves now; true when everything is saved. */
  flush: () => Promise<boolean>;
};

/**
 * Following a link inside the app while changes are unsaved waits for them to be saved, then
 * goes on; when the save fails the person is asked whether to stay or leave without them (see
 * LeaveWarning). Closing the tab is the browser's own `beforeunload` warning (use-autosave).
 */
export function useLeaveGuard({ unsaved, flush }: Options): LeaveGuard {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && unsaved(),
  );
  const [asking, setAsking] = useState(false);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  const { state, proceed } = blocker;
  useEffect(() => {
    if (state !== 'blocked') return;
    let current = true;
    void flushRef.current().then((saved) => {
      if (!current) return;
      if (saved) proceed();
      else setAsking(true);
    });
    return () => {
      current = false;
    };
  }, [state, proceed]);

  const stay = useCallback(() => {
    setAsking(false);
    blocker.reset?.();
  }, [blocker]);
  const leave = useCallback(() => {
    setAsking(false);
    blocker.proceed?.();
  }, [blocker]);
  return { asking, stay, leave };
}
