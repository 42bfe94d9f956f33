import { isCase } from '../change';
import { ClinicalInputError } from '../guards/errors';
import { getInstrument } from '../instruments';
import { instrumentShortName } from '../instruments/score-range';

/**
 * When the brief suggests a readiness review (issue 11). A transparent prompt, never an
 * instruction to end: "The software informs; the clinician decides" (ETHICS.md). It names the
 * rule that fired. Sources: APA practice guidance and Davis (2008) — end when goals are met and
 * both agree; APA 10.10 (a) — end when the client no longer needs the therapy.
 */
export const READINESS_RULE = 'Readiness review suggestion (issue 11)';
export const READINESS_RULE_VERSION = '1';
/** Consecutive latest scores below the cut-off that count as "several sessions". */
export const BELOW_CUTOFF_SESSIONS = 3;

export type ReadinessGoal = {
  /** The latest GAS level from a review (−2…+2); null when never reviewed. */
  latestLevel: number | null;
  /** Discontinued goals are left out; an achieved goal counts as met. */
  status: 'active' | 'achieved' | 'discontinued';
};

export type ReadinessSeries = {
  instrument: string;
  /** Totals in session order, oldest first. */
  totals: readonly number[];
  /** A practice's cut-off where the instrument lets one be chosen (PCL-5 31–33). */
  cutoff?: number;
};

export type ReadinessReason =
  | { kind: 'goals-met'; goals: number; detail: string }
  | { kind: 'below-cutoff'; instruments: string[]; sessions: number; detail: string };

export type ReadinessSuggestion = {
  suggested: boolean;
  reasons: ReadinessReason[];
  rule: string;
  version: string;
};

function goalsMet(goals: readonly ReadinessGoal[]): ReadinessReason | null {
  const counted = goals.filter((g) => g.status !== 'discontinued');
  for (const g of counted) {
    if (g.latestLevel !== null && (!Number.isInteger(g.latestLevel) || Math.abs(g.latestLevel) > 2))
      throw new ClinicalInputError('latestLevel', `A GAS level is −2 to +2, not ${g.latestLevel}.`);
  }
  if (counted.length === 0) return null;
  const met = counted.every((g) => g.status === 'achieved' || (g.latestLevel ?? -1) >= 0);
  if (!met) return null;
  return {
    kind: 'goals-met',
    goals: counted.length,
    detail: `Every goal is at its expected level or better (GAS ≥ 0) at its latest review (${counted.length} goal${counted.length === 1 ? '' : 's'}).`,
  };
}

/**
 * Every instrument with a cut-off that was answered at least BELOW_CUTOFF_SESSIONS times has its
 * latest BELOW_CUTOFF_SESSIONS scores below the cut-off, and no instrument's latest score is at or
 * above its cut-off. Instruments without a cut-off (session feedback) are not counted.
 */
function belowCutoff(series: readonly ReadinessSeries[]): ReadinessReason | null {
  const withCutoff = series.filter((s) => getInstrument(s.instrument).caseness !== null);
  const cases = (s: ReadinessSeries, total: number) =>
    isCase(getInstrument(s.instrument), total, s.cutoff);
  const latestIsCase = withCutoff.some((s) => {
    const last = s.totals.at(-1);
    return last !== undefined && cases(s, last);
  });
  const long = withCutoff.filter((s) => s.totals.length >= BELOW_CUTOFF_SESSIONS);
  if (latestIsCase || long.length === 0) return null;
  const allBelow = long.every((s) =>
    s.totals.slice(-BELOW_CUTOFF_SESSIONS).every((t) => !cases(s, t)),
  );
  if (!allBelow) return null;
  const instruments = long.map((s) => s.instrument);
  const names = long.map((s) => instrumentShortName(getInstrument(s.instrument)));
  return {
    kind: 'below-cutoff',
    instruments,
    sessions: BELOW_CUTOFF_SESSIONS,
    detail: `Scores have been below the clinical cut-off for the last ${BELOW_CUTOFF_SESSIONS} or more times they were answered (${names.join(', ')}).`,
  };
}

/** Whether to suggest a readiness review, and why. Invalid totals or levels throw. */
export function suggestReadinessReview(input: {
  goals: readonly ReadinessGoal[];
  series: readonly ReadinessSeries[];
}): ReadinessSuggestion {
  const reasons = [goalsMet(input.goals), belowCutoff(input.series)].filter(
    (r): r is ReadinessReason => r !== null,
  );
  return {
    suggested: reasons.length > 0,
    reasons,
    rule: READINESS_RULE,
    version: READINESS_RULE_VERSION,
  };
}
