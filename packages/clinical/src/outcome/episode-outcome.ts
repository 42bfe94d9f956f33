import { checkCount, checkTotal } from '../guards/checks';
import { ClinicalInputError } from '../guards/errors';
import { getInstrument } from '../instruments';

/**
 * Episode outcome — NHS Talking Therapies convention (CLINICAL.md §3), computed from the first and
 * last paired scores of an episode. Pairing is PHQ-9 with GAD-7 by default and configurable.
 */
export const OUTCOME_RULE = 'NHS Talking Therapies episode outcome (CLINICAL.md §3)';
export const OUTCOME_VERSION = '1';

export type PairedScores = { depression: number; anxiety: number };

export type OutcomeInput = {
  /** Attended sessions not marked as an assessment (CLINICAL.md §3). */
  attendedTreatmentSessions: number;
  /**
   * Whether the episode has ended. An open episode's outcome is computed the same way and marked
   * provisional (§3); reports of finished treatment use ended episodes only. Default: not ended.
   */
  ended?: boolean;
  first: PairedScores | null;
  last: PairedScores | null;
};

export type OutcomeOptions = {
  /** Instrument keys of the pair; default PHQ-9 + GAD-7. */
  pairing?: { depression: string; anxiety: string };
  /**
   * `neither-improved` (default): a reliable rise on either measure while neither reliably improved.
   * `any-rise`: any reliable rise counts (some reports use this).
   */
  deterioration?: 'neither-improved' | 'any-rise';
};

export type NotEligible = {
  eligible: false;
  status: 'not-eligible';
  reason: string;
  provisional: boolean;
  rule: string;
  version: string;
};

export type EpisodeOutcome = {
  eligible: true;
  /** True while the episode has not ended: the figures may still change. */
  provisional: boolean;
  caseness: { start: boolean; end: boolean };
  /** Null when the episode was not a case at the start (excluded, not a failure). */
  recovered: boolean | null;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  reliableRecovery: boolean | null;
  rule: string;
  version: string;
};

type Measure = { key: string; caseAt: number; rc: number };

function measure(key: string): Measure {
  const d = getInstrument(key);
  if (d.caseness === null || !('atLeast' in d.caseness) || typeof d.caseness.atLeast !== 'number')
    throw new Error(`${d.title} cannot be paired: it needs a numeric "at least" caseness.`);
  if (d.reliableChange?.on !== 'total')
    throw new Error(`${d.title} cannot be paired: it needs a reliable-change value in points.`);
  return { key, caseAt: d.caseness.atLeast, rc: d.reliableChange.value };
}

/** Refuses NaN, strings, fractions and totals the instrument cannot produce (issue 7, item 17). */
function checkScores(
  field: 'first' | 'last',
  scores: PairedScores | null,
  dep: Measure,
  anx: Measure,
): void {
  if (scores === null) return;
  if (typeof scores !== 'object')
    throw new ClinicalInputError(field, `${field} must be a pair of scores or null.`);
  checkTotal(getInstrument(dep.key), `${field}.depression`, scores.depression);
  checkTotal(getInstrument(anx.key), `${field}.anxiety`, scores.anxiety);
}

export function episodeOutcome(
  input: OutcomeInput,
  options: OutcomeOptions = {},
): EpisodeOutcome | NotEligible {
  const pairing = options.pairing ?? { depression: 'phq-9', anxiety: 'gad-7' };
  const dep = measure(pairing.depression);
  const anx = measure(pairing.anxiety);
  // Guards first: an impossible input is refused, never turned into a plausible outcome.
  const sessions = checkCount('attendedTreatmentSessions', input.attendedTreatmentSessions);
  checkScores('first', input.first, dep, anx);
  checkScores('last', input.last, dep, anx);
  if (input.ended !== undefined && typeof input.ended !== 'boolean')
    throw new ClinicalInputError('ended', 'ended must be true or false.');
  const provisional = input.ended !== true;
  const notEligible = (reason: string): NotEligible => ({
    eligible: false,
    status: 'not-eligible',
    reason,
    provisional,
    rule: OUTCOME_RULE,
    version: OUTCOME_VERSION,
  });
  // "Finished treatment" needs at least two attended treatment sessions (§3).
  if (sessions < 2) return notEligible(`Fewer than two attended treatment sessions (${sessions}).`);
  if (!input.first || !input.last)
    return notEligible('No paired scores at the start and the end of the episode.');

  const { first, last } = input;
  // Caseness: PHQ-9 ≥ 10 or GAD-7 ≥ 8 (§3).
  const isCase = (s: PairedScores): boolean =>
    s.depression >= dep.caseAt || s.anxiety >= anx.caseAt;
  const depChange = last.depression - first.depression;
  const anxChange = last.anxiety - first.anxiety;
  const depImproved = -depChange >= dep.rc;
  const anxImproved = -anxChange >= anx.rc;
  const depRose = depChange >= dep.rc;
  const anxRose = anxChange >= anx.rc;

  const start = isCase(first);
  const end = isCase(last);
  const reliableImprovement = (depImproved || anxImproved) && !depRose && !anxRose;
  const anyRise = depRose || anxRose;
  const reliableDeterioration =
    options.deterioration === 'any-rise' ? anyRise : anyRise && !depImproved && !anxImproved;
  const recovered = start ? !end : null;
  return {
    eligible: true,
    provisional,
    caseness: { start, end },
    recovered,
    reliableImprovement,
    reliableDeterioration,
    reliableRecovery: recovered === null ? null : recovered && reliableImprovement,
    rule: OUTCOME_RULE,
    version: OUTCOME_VERSION,
  };
}
