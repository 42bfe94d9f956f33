import type { EndingSummaryScore } from '@throughline/contracts';
import type { Executor } from '../shared/transaction';
import { byInstrument, summarise } from './list-scores';
import { readMeasureSettings } from './practice-settings';
import { listFirstAndLatest } from './repository';

/**
 * The first and last score of each questionnaire of an episode, with its band and the change
 * category of the pair (CLINICAL.md §2, through `summarise`), for the ending summary and the brief
 * of a return. Reads inside the caller's transaction, for an episode it was admitted to.
 */
export async function firstAndLastScores(
  tx: Executor,
  episode: { practiceId: string; id: string },
  upTo: Date,
): Promise<EndingSummaryScore[]> {
  const rows = await listFirstAndLatest(tx, episode.practiceId, episode.id, upTo);
  const settings = await readMeasureSettings(tx, episode.practiceId);
  const found: EndingSummaryScore[] = [];
  for (const [key, series] of byInstrument(rows)) {
    const s = summarise(key, series, settings);
    const first = series[0];
    const last = series.at(-1);
    if (!s || !first || !last) continue;
    found.push({
      instrument: key,
      title: s.title,
      first: { score: first.total, band: first.band, at: first.completedAt },
      last: { score: last.total, band: last.band, at: last.completedAt },
      category: s.category,
    });
  }
  return found;
}
