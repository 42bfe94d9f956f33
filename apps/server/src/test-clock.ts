import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type pg from 'pg';

/**
 * A clock that a browser test can move forward, so that a journey can live through a month of
 * aftercare in minutes (issue 11): `THROUGHLINE_TEST_CLOCK_FILE` names a file that holds how many
 * milliseconds this server is ahead of the real time. The server reads it at start and whenever
 * it changes; real time keeps running on top of it. When it moves, the background jobs that are
 * due by the moved clock are released at once (pg-boss compares with the database's own time),
 * and each job still checks `services.now()` before it acts. Never set it for real records.
 */
export type TestClock = {
  now: () => Date;
  stop: () => void;
};

function readOffset(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return 0; // not written yet: no offset
  }
  const offset = Number(text || '0');
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new Error(
      `THROUGHLINE_TEST_CLOCK_FILE (${file}) must hold a whole number of milliseconds ≥ 0, not "${text}".`,
    );
  }
  return offset;
}

/** Makes due every waiting job whose time has come on the moved clock. */
async function releaseDueJobs(pool: pg.Pool, now: Date): Promise<void> {
  await pool.query(
    `UPDATE pgboss.job SET start_after = now()
      WHERE state IN ('created', 'retry') AND start_after > now() AND start_after <= $1`,
    [now],
  );
}

export function startTestClock(
  file: string,
  pool: pg.Pool,
  onError: (error: unknown) => void,
): TestClock {
  let offset = readOffset(file);
  const now = (): Date => new Date(Date.now() + offset);
  watchFile(file, { interval: 100 }, () => {
    try {
      offset = Math.max(offset, readOffset(file)); // the clock never goes back
      releaseDueJobs(pool, now()).catch(onError);
    } catch (error) {
      onError(error);
    }
  });
  return { now, stop: () => unwatchFile(file) };
}
