import { isCase, type ReadinessSeries } from '@throughline/clinical';
import type { ReadinessEvidence, ReadinessMeasure } from '@throughline/contracts';
import type { Executor } from '../shared/transaction';
import { cutoffOf, pairOf } from './list-scores';
import { type MeasureSettings, readMeasureSettings } from './practice-settings';
import { computeOutcome } from './read-outcome';
import { listAlertsByEpisode, listByEpisode } from './repository';
import type { ResponseRow } from './views';

const FEEDBACK = 'session-feedback';
/** The session-feedback total's maximum (4 items × 10, CLINICAL.md §1). */
const FEEDBACK_MAX = 40;

export type ReadinessMeasures = Pick<
  ReadinessEvidence,
  'measures' | 'outcome' | 'notOnTrack' | 'alliance'
> & {
  /** The totals per instrument for the suggestion rule (packages/clinical). */
  series: ReadinessSeries[];
};

function measureOf(key: string, rows: ResponseRow[], settings: MeasureSettings): ReadinessMeasure {
  const first = rows[0] as ResponseRow;
  const recent = rows.at(-1) as ResponseRow;
  const d = settings.catalogue.get(key);
  const pair = rows.length > 1 ? pairOf(key, first.total, recent.total, settings) : null;
  const caseness = (total: number) => (d.caseness ? isCase(d, total) : null);
  return {
    instrument: key,
    title: d.title,
    first: first.total,
    firstAt: first.completedAt,
    recent: recent.total,
    recentAt: recent.completedAt,
    count: rows.length,
    cutoff: cutoffOf(d),
    caseAtStart: caseness(first.total),
    caseNow: caseness(recent.total),
    category: pair?.category ?? null,
    reliableChange: pair?.reliableChangeValue ?? null,
    rule: pair?.rule ?? null,
  };
}

/**
 * The measures module's part of the readiness review (issue 11), in the caller's transaction:
 * first against recent scores per instrument with cut-off and reliable change (CLINICAL.md §2),
 * the episode outcome (§3), open not-on-track alerts (§4) and the alliance from session feedback.
 */
export async function loadReadinessMeasures(
  tx: Executor,
  episode: { practiceId: string; id: string; phase: string },
): Promise<ReadinessMeasures> {
  const rows = await listByEpisode(tx, episode.practiceId, episode.id);
  const settings = await readMeasureSettings(tx, episode.practiceId);
  const groups = new Map<string, ResponseRow[]>();
  for (const r of rows) groups.set(r.instrument, [...(groups.get(r.instrument) ?? []), r]);
  const feedback = groups.get(FEEDBACK) ?? [];
  groups.delete(FEEDBACK);
  const measures = [...groups].map(([key, series]) => measureOf(key, series, settings));
  const outcome = await computeOutcome(tx, episode);
  const open = await listAlertsByEpisode(tx, episode.practiceId, episode.id, 'open');
  const notOnTrack = open.filter((a) => a.kind === 'not-on-track');
  const totals = feedback.map((r) => r.total);
  return {
    measures,
    outcome: {
      eligible: outcome.eligible,
      provisional: outcome.provisional,
      reason: outcome.reason ?? null,
      recovered: outcome.recovered,
      reliableImprovement: outcome.reliableImprovement,
      reliableDeterioration: outcome.reliableDeterioration,
      reliableRecovery: outcome.reliableRecovery,
      rule: outcome.rule,
    },
    notOnTrack: { open: notOnTrack.length > 0, sources: notOnTrack.map((a) => a.source) },
    alliance: {
      answered: totals.length,
      latest: totals.at(-1) ?? null,
      mean:
        totals.length > 0
          ? Math.round((totals.reduce((s, v) => s + v, 0) / totals.length) * 10) / 10
          : null,
      max: FEEDBACK_MAX,
      dropOpen: open.some((a) => a.kind === 'alliance-drop'),
    },
    series: [...groups].map(([instrument, series]) => ({
      instrument,
      totals: series.map((r) => r.total),
    })),
  };
}
