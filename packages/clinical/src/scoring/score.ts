import { findInstrument } from '../instruments';
import type {
  Band,
  Flag,
  InstrumentDefinition,
  InstrumentRef,
  ScoreName,
} from '../instruments/types';
import { type RiskFinding, riskItemsAnswered } from './risk';
import { type AnswerIssue, validateAnswers } from './validate';

export type ScoreOptions = {
  /** PCL-5 cut-off; must lie in the instrument's configurable range (CLINICAL.md §1). */
  cutoff?: number;
};

export type ScoreResult = {
  instrument: string;
  version: string;
  /** The scoring rule and its source. */
  rule: string;
  total: number;
  /** Null when the instrument has no bands (session feedback). */
  band: string | null;
  flags: string[];
  subscales: Record<string, number>;
  /** WHO-5 only: total × 4. */
  percentage?: number;
  /** Scores per item after reverse-scoring, in item order. */
  itemScores: number[];
  /** The cut-off used, when the instrument has one. */
  cutoff?: number;
};

export type ScoreOutcome =
  | { ok: true; result: ScoreResult }
  | { ok: false; reason: 'unknown-instrument'; issues: [] }
  /**
   * `flags` names the risk flags the raw answers raise even though the form does not score: a
   * risk item is never lost to validation (CLINICAL.md §1).
   */
  | {
      ok: false;
      reason: 'invalid-answers';
      issues: AnswerIssue[];
      flags: string[];
      risks: RiskFinding[];
    }
  | { ok: false; reason: 'invalid-options'; issues: []; message: string };

/** Scores a completed form, or says exactly which answers are wrong. Never prorates. */
export function scoreAnswers(
  key: InstrumentRef,
  answers: readonly unknown[],
  options: ScoreOptions = {},
): ScoreOutcome {
  const definition = findInstrument(key);
  if (!definition) return { ok: false, reason: 'unknown-instrument', issues: [] };
  const issues = validateAnswers(definition, answers);
  if (issues.length > 0) {
    const risks = riskItemsAnswered(definition, answers);
    return {
      ok: false,
      reason: 'invalid-answers',
      issues,
      flags: [...new Set(risks.map((r) => r.flag))],
      risks,
    };
  }
  const cutoff = resolveCutoff(definition, options.cutoff);
  if (typeof cutoff === 'string')
    return { ok: false, reason: 'invalid-options', issues: [], message: cutoff };
  return { ok: true, result: score(definition, answers as readonly number[], cutoff) };
}

function resolveCutoff(
  definition: InstrumentDefinition,
  requested: number | undefined,
): number | undefined | string {
  if (!definition.cutoff) return undefined;
  if (requested === undefined) return definition.cutoff.default;
  const allowed = definition.cutoff.configurable;
  if (
    !allowed ||
    !Number.isInteger(requested) ||
    requested < allowed.min ||
    requested > allowed.max
  )
    return allowed
      ? `The cut-off must be ${allowed.min}–${allowed.max}.`
      : `${definition.title} has a fixed cut-off.`;
  return requested;
}

function score(
  definition: InstrumentDefinition,
  answers: readonly number[],
  cutoff: number | undefined,
): ScoreResult {
  const max = Math.max(...definition.options.map((o) => o.value));
  const min = Math.min(...definition.options.map((o) => o.value));
  const itemScores = definition.items.map((item, i) => {
    const answer = answers[i]!;
    // Reverse-scoring mirrors the answer within the scale (CORE-10 items 2 and 3).
    return item.reverseScored ? max + min - answer : answer;
  });
  const total = itemScores.reduce((sum, s) => sum + s, 0);
  const subscales: Record<string, number> = {};
  for (const [name, items] of Object.entries(definition.subscales ?? {}))
    subscales[name] = items.reduce((sum, n) => sum + itemScores[n - 1]!, 0);
  const multiplier = definition.scoring.percentageMultiplier;
  const percentage = multiplier === undefined ? undefined : total * multiplier;
  const scores: Record<ScoreName, number | undefined> = { total, percentage };
  const band = definition.bands.find((b) => bandMatches(b, scores, cutoff))?.label ?? null;
  const flags = definition.flags
    .filter((f) => flagRaised(f, definition, itemScores, answers, subscales))
    .map((f) => f.key);
  return {
    instrument: definition.key,
    version: definition.version,
    rule: definition.scoring.rule,
    total,
    band,
    flags,
    subscales,
    ...(percentage === undefined ? {} : { percentage }),
    itemScores,
    ...(cutoff === undefined ? {} : { cutoff }),
  };
}

function bandMatches(
  band: Band,
  scores: Record<ScoreName, number | undefined>,
  cutoff: number | undefined,
): boolean {
  const value = scores[band.on ?? 'total'];
  if (value === undefined) return false;
  const min = band.min === 'cutoff' ? cutoff : band.min;
  if (band.min === 'cutoff' && min === undefined) return false;
  return (min === undefined || value >= min) && (band.max === undefined || value <= band.max);
}

function flagRaised(
  flag: Flag,
  definition: InstrumentDefinition,
  itemScores: readonly number[],
  answers: readonly number[],
  subscales: Record<string, number>,
): boolean {
  switch (flag.kind) {
    case 'item-above':
      // The answer as given: a risk item is never reverse-scored.
      return answers[flag.item - 1]! > flag.above;
    case 'total-below-or-item-at-most':
      return (
        itemScores.reduce((sum, v) => sum + v, 0) < flag.below ||
        answers.some((a) => a <= flag.itemAtMost)
      );
    case 'subscale-at-least':
      return (subscales[flag.subscale] ?? 0) >= flag.atLeast;
    case 'items-endorsed':
      return Object.entries(flag.require).every(([name, count]) => {
        const items = definition.subscales?.[name] ?? [];
        return items.filter((n) => itemScores[n - 1]! >= flag.rating).length >= count;
      });
  }
}
