import type { ReadinessSeries } from '@throughline/clinical';
import type { BriefMeasure } from '@throughline/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AccessContext } from '../access';
import type { BriefScope } from '../brief';
import type { Executor } from '../shared/transaction';
import { byInstrument, summarise } from './list-scores';
import { readMeasureSettings } from './practice-settings';
import { listAlertsByEpisode, listFirstAndLatest } from './repository';
import { alerts, responses } from './tables';
import { type AlertView, openAlerts } from './views';

/**
 * The measures module's parts of other modules' read models (brief sections, caseload counts):
 * scores, settings and alerts are read only in this module (module ownership, issue 8).
 */

/** The brief's measure row: its shape is the contract's (`@throughline/contracts`). */
export type { BriefMeasure };

/** Brief section: per instrument, the latest score before the session, its band, and change. */
export async function loadBriefMeasures(
  _ctx: AccessContext,
  scope: BriefScope,
): Promise<BriefMeasure[] | null> {
  const rows = await listFirstAndLatest(
    scope.db,
    scope.practiceId,
    scope.episodeId,
    scope.reference,
  );
  const settings = await readMeasureSettings(scope.db, scope.practiceId);
  const found: BriefMeasure[] = [];
  for (const [key, series] of byInstrument(rows)) {
    const s = summarise(key, series, settings);
    const last = series.at(-1);
    if (!s || !last) continue;
    found.push({
      instrument: key,
      title: s.title,
      last: s.last,
      band: last.band,
      lastAt: last.completedAt,
      changeSinceLast: s.changeSinceLast,
      changeSinceFirst: s.changeSinceFirst,
      category: s.category,
    });
  }
  return found.length > 0 ? found : null;
}

/** Brief section: open alerts of the episode, urgent first, each with its rule and explanation. */
export async function loadBriefAlerts(
  ctx: AccessContext,
  scope: BriefScope,
): Promise<AlertView[] | null> {
  const rows = await listAlertsByEpisode(scope.db, scope.practiceId, scope.episodeId, 'open');
  return rows.length > 0 ? openAlerts(scope.db, ctx.services.keyring, rows) : null;
}

/**
 * For a CTE: `episode_id, urgent, other` — per episode in `ep` (`practice_id`, `id`), its
 * unacknowledged alerts, urgent (a risk item, CLINICAL.md §4) and the others. Episodes with none
 * have no row.
 */
export function openAlertCountsSql(ep: SQL): SQL {
  return sql`SELECT al.episode_id,
      count(*) FILTER (WHERE al.severity = 'urgent')::int AS urgent,
      count(*) FILTER (WHERE al.severity <> 'urgent')::int AS other
    FROM ${alerts} al JOIN ${ep} ep ON al.practice_id = ep.practice_id AND al.episode_id = ep.id
    WHERE al.acknowledged_at IS NULL
    GROUP BY al.episode_id`;
}

/**
 * For the readiness suggestion (issue 11): per instrument, its latest `n` totals before `upTo`,
 * oldest first — whatever the length of the history. One query.
 */
export async function loadLatestTotals(
  db: Executor,
  q: { practiceId: string; episodeId: string; upTo: Date; n: number },
): Promise<ReadinessSeries[]> {
  const result = await db.execute<{ instrument: string; total: number }>(sql`
    SELECT instrument, total FROM (
      SELECT instrument, total, completed_at, created_at,
        row_number() OVER (PARTITION BY instrument ORDER BY completed_at DESC, created_at DESC) AS k
      FROM ${responses}
      WHERE practice_id = ${q.practiceId} AND episode_id = ${q.episodeId}
        AND completed_at <= ${q.upTo.toISOString()}::timestamptz
    ) latest WHERE k <= ${q.n}
    ORDER BY instrument, completed_at, created_at`);
  const series = new Map<string, number[]>();
  for (const r of result.rows)
    series.set(r.instrument, [...(series.get(r.instrument) ?? []), Number(r.total)]);
  return [...series].map(([instrument, totals]) => ({ instrument, totals }));
}
