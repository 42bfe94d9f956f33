import { GAS_LEVEL_WORDS } from './levels';

/**
 * The GAS scale in the client's words (CLINICAL.md §1). A client rates a goal on the five GAS
 * levels, −2…+2, where 0 is the outcome agreed as expected (Kiresuk & Sherman 1968); the numbers
 * are the therapist's scoring, so the client reads and chooses words only. The therapist's own
 * level descriptions for a goal stay therapist-only: they are scoring anchors, not the plan.
 */
export const GAS_CLIENT_SCALE = {
  '-2': wordsFor(-2),
  '-1': wordsFor(-1),
  // The one place the client's words differ: the expected outcome was agreed together.
  '0': 'What we expected',
  '+1': wordsFor(1),
  '+2': wordsFor(2),
} as const;

/** "+1" for 1, "0" for 0, "-2" for −2: the key a GAS level has in stored scales. */
function levelKey(level: number): string {
  return level > 0 ? `+${level}` : String(level);
}

/** A GAS level in the client's words, or null for a number that is not a level (−2…+2). */
export function gasClientWords(level: number): string | null {
  if (!Number.isInteger(level) || level < -2 || level > 2) return null;
  return GAS_CLIENT_SCALE[levelKey(level) as keyof typeof GAS_CLIENT_SCALE];
}

function wordsFor(level: number): string {
  return GAS_LEVEL_WORDS.find((l) => l.level === level)?.words ?? String(level);
}
