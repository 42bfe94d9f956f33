import { episodeOutcome, getInstrument, isCase, type PairedScores } from '@throughline/clinical';
import type { Outcome } from '@throughline/contracts';
import { type AccessContext, performOnEpisode } from '../access';
import { countAttendedSessions } from '../appointments';
import type { Executor } from '../shared/transaction';
import { byInstrument, pairOf } from './list-scores';
import { readMeasureSettings } from './practice-settings';
import { listByEpisode } from './repository';
import { type ResponseRow, sessionNumberOf } from './views';

/** The episode outcome of CLINICAL.md §3, in the shape of issue 4's contract. */
export type OutcomeView = Outcome;

const PAIR = { depression: 'phq-9', anxiety: 'gad-7' } as const;

/** Phases in which an episode has ended (see episodes/phases.ts: aftercare follows the ending). */
const ENDED_PHASES: readonly string[] = ['aftercare', 'closed'];

/**
 * Paired time points: a PHQ-9 and a GAD-7 belonging to the same session (the latest of each when
 * a form was repeated). The outcome uses the first and last of them; one pair is no start-and-end.
 */
function pairedScores(rows: ResponseRow[]): {
  first: PairedScores | null;
  last: PairedScores | null;
} {
  const points = new Map<number, { depression?: number; anxiety?: number }>();
  for (const r of rows) {
    const point = points.get(sessionNumberOf(r)) ?? {};
    if (r.instrument === PAIR.depression) point.depression = r.total;
    if (r.instrument === PAIR.anxiety) point.anxiety = r.total;
    points.set(sessionNumberOf(r), point);
  }
  const paired = [...points.entries()]
    .filter(
      (e): e is [number, PairedScores] =>
        e[1].depression !== undefined && e[1].anxiety !== undefined,
    )
    .sort((a, b) => a[0] - b[0])
    .map((e) => e[1]);
  if (paired.length < 2) return { first: paired[0] ?? null, last: null };
  return { first: paired[0] ?? null, last: paired.at(-1) ?? null };
}

const caseOf = (s: PairedScores | null): boolean =>
  s !== null &&
  (isCase(getInstrument(PAIR.depression), s.depression) ||
    isCase(getInstrument(PAIR.anxiety), s.anxiety));

/** The episode's outcome. Therapist of the episode only; the read is audited. */
export async function readOutcome(ctx: AccessContext, episodeId: string): Promise<OutcomeView> {
  return performOnEpisode(ctx, 'outcome.read', episodeId, (tx, { episode }) =>
    computeOutcome(tx, episode),
  );
}

/**
 * The outcome of an episode the caller was already admitted to, inside their transaction (the
 * readiness review, the ending summary and the brief of a return read it as part of their own
 * audited step).
 */
export async function computeOutcome(
  tx: Executor,
  episode: { practiceId: string; id: string; phase: string },
): Promise<OutcomeView> {
  const episodeId = episode.id;
  const rows = await listByEpisode(tx, episode.practiceId, episodeId);
  // Every attended session so far (no time bound: none can be attended before it starts);
  // "finished treatment" counts treatment sessions only (CLINICAL.md §3).
  const sessions = { practiceId: episode.practiceId, episodeId, bound: 'all' } as const;
  const attended = await countAttendedSessions(tx, { ...sessions, kind: 'any' });
  const treatment = await countAttendedSessions(tx, { ...sessions, kind: 'treatment' });
  const settings = await readMeasureSettings(tx, episode.practiceId);
  const { first, last } = pairedScores(rows);
  const outcome = episodeOutcome({
    attendedTreatmentSessions: treatment,
    ended: ENDED_PHASES.includes(episode.phase),
    first,
    last,
  });
  const instruments = [...byInstrument(rows)].map(([instrument, series]) => {
    const a = series[0]?.total ?? 0;
    const b = series.at(-1)?.total ?? 0;
    const pair = series.length > 1 ? pairOf(instrument, a, b, settings) : null;
    return {
      instrument,
      first: a,
      last: b,
      change: b - a,
      category: pair?.category ?? null,
      reliableChange: pair?.reliableChangeValue ?? null,
      rule: pair?.rule ?? null,
    };
  });
  const common = {
    provisional: outcome.provisional,
    instruments,
    attendedSessions: attended,
    attendedTreatmentSessions: treatment,
    rule: outcome.rule,
    version: outcome.version,
  };
  if (!outcome.eligible)
    return {
      eligible: false,
      reason: outcome.reason,
      caseness: { start: caseOf(first), end: caseOf(last) },
      recovered: null,
      reliableImprovement: false,
      reliableDeterioration: false,
      reliableRecovery: null,
      ...common,
    };
  return {
    eligible: true,
    caseness: outcome.caseness,
    recovered: outcome.recovered,
    reliableImprovement: outcome.reliableImprovement,
    reliableDeterioration: outcome.reliableDeterioration,
    reliableRecovery: outcome.reliableRecovery,
    ...common,
  };
}
