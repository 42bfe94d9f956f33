import { ClinicalInputError } from '../guards/errors';

/**
 * Goal Attainment Scaling — Kiresuk & Sherman (1968), CLINICAL.md §1:
 * T = 50 + 10·Σ(wᵢxᵢ) / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²), with ρ = 0.3 and weights 1 unless given.
 */
export const GAS_RULE = 'Kiresuk & Sherman 1968 GAS T-score, ρ = 0.3 (CLINICAL.md §1)';
export const GAS_VERSION = '1';
export const GAS_RHO = 0.3;

/** −2 much less than expected … 0 the expected outcome … +2 much more than expected. */
export type GoalRating = { level: number; weight?: number };

export type GasResult = { rule: string; version: string; tScore: number; goals: number };

export function gasTScore(goals: readonly GoalRating[], rho = GAS_RHO): GasResult {
  // ρ is a correlation between goals; the formula needs 0 < ρ < 1 (Kiresuk & Sherman 1968).
  if (typeof rho !== 'number' || !(rho > 0 && rho < 1))
    throw new ClinicalInputError(
      'rho',
      `ρ must be between 0 and 1 (exclusive), not ${String(rho)}.`,
    );
  if (!Array.isArray(goals) || goals.length === 0)
    throw new ClinicalInputError('goals', 'GAS needs at least one goal.');
  let weighted = 0;
  let sumW = 0;
  let sumW2 = 0;
  goals.forEach((g, i) => {
    if (typeof g?.level !== 'number' || !Number.isInteger(g.level) || g.level < -2 || g.level > 2)
      throw new ClinicalInputError(
        `goals[${i}].level`,
        `Goal ${i + 1}: level must be a whole number −2…+2.`,
      );
    const w = g.weight ?? 1;
    if (typeof w !== 'number' || !(w > 0) || !Number.isFinite(w))
      throw new ClinicalInputError(`goals[${i}].weight`, `Goal ${i + 1}: weight must be positive.`);
    weighted += w * g.level;
    sumW += w;
    sumW2 += w * w;
  });
  const tScore = 50 + (10 * weighted) / Math.sqrt((1 - rho) * sumW2 + rho * sumW * sumW);
  return { rule: GAS_RULE, version: GAS_VERSION, tScore, goals: goals.length };
}
