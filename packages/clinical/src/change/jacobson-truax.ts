/**
 * Reliable and clinically significant change — Jacobson & Truax (1991), CLINICAL.md §2.
 * SE = s₁·√(1 − r); S_diff = √2·SE; RC = (x₂ − x₁) / S_diff; |RC| > 1.96 is reliable at p < .05.
 */

export const JACOBSON_TRUAX = 'Jacobson & Truax 1991';

/** Standard error of the difference between two scores, from the SD and reliability. */
export function standardErrorOfDifference(sd: number, reliability: number): number {
  if (!(sd > 0)) throw new RangeError('SD must be positive.');
  if (!(reliability >= 0 && reliability < 1))
    throw new RangeError('Reliability must be 0 ≤ r < 1.');
  return Math.SQRT2 * sd * Math.sqrt(1 - reliability);
}

/** The reliable change index for a pair of scores (positive when the score rose). */
export function reliableChangeIndex(
  first: number,
  last: number,
  sd: number,
  reliability: number,
): number {
  return (last - first) / standardErrorOfDifference(sd, reliability);
}

/** |RC| > z (1.96 for p < .05; some instruments publish a 90% value with 1.645). */
export function isReliableChange(rc: number, z = 1.96): boolean {
  return Math.abs(rc) > z;
}

/** Smallest reliable raw change: z·S_diff. */
export function smallestReliableChange(sd: number, reliability: number, z = 1.96): number {
  return z * standardErrorOfDifference(sd, reliability);
}

export type Norms = { mean: number; sd: number };

/**
 * Clinical cut-off c = (SD_func·M_dys + SD_dys·M_func) / (SD_func + SD_dys), used when norms for
 * both the functional and the dysfunctional population exist; otherwise use the published cut-off.
 */
export function clinicalCutoff(functional: Norms, dysfunctional: Norms): number {
  return (
    (functional.sd * dysfunctional.mean + dysfunctional.sd * functional.mean) /
    (functional.sd + dysfunctional.sd)
  );
}
