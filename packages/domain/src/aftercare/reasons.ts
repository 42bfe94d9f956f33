import { classifyChange, getInstrument, type ScoreResult } from '@throughline/clinical';
import { changeOptions, lastScoreAt, type MeasureSettings } from '../measures';
import type { Executor } from '../shared/transaction';
import type { StoredAftercareReason } from './tables';

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
    const ending = await lastScoreAt(tx, {
      practiceId: at.practiceId,
      episodeId: at.episodeId,
      instrument: result.instrument,
      at: at.endedAt,
    });
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
