import { classifyChange, getInstrument, type ScoreResult } from '@throughline/clinical';
import { and, desc, eq, lte } from 'drizzle-orm';
import { changeOptions, type MeasureSettings } from '../measures/practice-settings';
import { responses } from '../measures/tables';
import type { Executor } from '../shared/transaction';
import type { StoredAftercareReason } from './tables';

/** The episode's last score on an instrument at the ending (at or before `endedAt`). */
async function endingScore(
  tx: Executor,
  q: { practiceId: string; episodeId: string; instrument: string; endedAt: Date },
): Promise<number | undefined> {
  const [row] = await tx
    .select({ total: responses.total })
    .from(responses)
    .where(
      and(
        eq(responses.practiceId, q.practiceId),
        eq(responses.episodeId, q.episodeId),
        eq(responses.instrument, q.instrument),
        lte(responses.completedAt, q.endedAt),
      ),
    )
    .orderBy(desc(responses.completedAt))
    .limit(1);
  return row?.total;
}

/**
 * Reliable worsening against the ending scores (CLINICAL.md §4, "Check-in after ending"): for
 * each check-in questionnaire that has a reliable-change value and a cut-off (WHO-5; not PHQ-4),
 * compared with the episode's last score on it at the ending, by the clinical core's categories.
 * An instrument the episode never measured has no ending score and adds no reason.
 */
export async function deteriorationReasons(
  tx: Executor,
  at: { practiceId: string; episodeId: string; endedAt: Date },
  results: readonly ScoreResult[],
  settings: MeasureSettings,
): Promise<StoredAftercareReason[]> {
  const reasons: StoredAftercareReason[] = [];
  for (const result of results) {
    const definition = getInstrument(result.instrument);
    if (!definition.reliableChange || !definition.caseness) continue;
    const ending = await endingScore(tx, { ...at, instrument: result.instrument });
    if (ending === undefined) continue;
    const pair = classifyChange(
      result.instrument,
      ending,
      result.total,
      changeOptions(settings, result.instrument),
    );
    if (pair.category === 'deteriorated')
      reasons.push({
        kind: 'deterioration',
        instrument: result.instrument,
        ending,
        now: result.total,
      });
  }
  return reasons;
}
