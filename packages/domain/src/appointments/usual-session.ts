import type { SignedIn } from '../access';
import type { Executor } from '../shared/transaction';
import { type AppointmentRow, listByEpisode } from './repository';

/** The session the usual slot is read from: the newest one of a series, else the newest one. */
export function usualSession(rows: readonly AppointmentRow[]): AppointmentRow | undefined {
  const inSeries = rows.filter((r) => r.seriesId !== null);
  return (inSeries.length > 0 ? inSeries : rows).at(-1);
}

/** A session's length in whole minutes. */
export function sessionMinutes(row: Pick<AppointmentRow, 'startsAt' | 'endsAt'>): number {
  return Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000);
}

/**
 * The length of the episode's usual session (the same session the taper reads its slot from),
 * or null when the episode has none. Inside the caller's transaction, after admitting the caller.
 */
export async function usualSessionMinutes(
  tx: Executor,
  actor: SignedIn,
  episodeId: string,
): Promise<number | null> {
  const model = usualSession(await listByEpisode(tx, actor, episodeId, {}));
  return model ? sessionMinutes(model) : null;
}
