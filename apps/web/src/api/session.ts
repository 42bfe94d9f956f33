// Remembers, for this browser tab only, that someone was signed in, so that a later 401
// can be explained as "your session ended" rather than shown to a first-time visitor.
const KEY = 'tl_had_session';

export function markSignedIn(): void {
  try {
    sessionStorage.setItem(KEY, '1');
  } catch {
    // Storage may be unavailable (private mode); the notice is a nicety.
  }
}

export function markSignedOut(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // ignore
  }
}

export function hadSession(): boolean {
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}
