import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { responses } from './tables';

/** Every score of an episode by instrument and time, for the client's copy (issue 12). */
export function listEpisodeScoreRows(tx: Executor, ep: { practiceId: string; id: string }) {
  return tx
    .select({
      instrument: responses.instrument,
      total: responses.total,
      band: responses.band,
      at: responses.completedAt,
    })
    .from(responses)
    .where(and(eq(responses.practiceId, ep.practiceId), eq(responses.episodeId, ep.id)))
    .orderBy(asc(responses.instrument), asc(responses.completedAt));
}
