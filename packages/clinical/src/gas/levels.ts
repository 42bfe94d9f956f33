/**
 * The five GAS levels in words (Kiresuk & Sherman 1968; CLINICAL.md §1), words first and the
 * level after, so a screen never shows a bare number before them ("As expected (0)", issue 9).
 */
export const GAS_LEVEL_WORDS: readonly { level: number; words: string }[] = [
  { level: -2, words: 'Much less than expected' },
  { level: -1, words: 'Somewhat less than expected' },
  { level: 0, words: 'As expected' },
  { level: 1, words: 'Somewhat more than expected' },
  { level: 2, words: 'Much more than expected' },
];

/** "As expected (0)", "Much less than expected (−2)", "Somewhat more than expected (+1)". */
export function gasLevelLabel(level: number): string {
  const words = GAS_LEVEL_WORDS.find((l) => l.level === level)?.words;
  const signed = level > 0 ? `+${level}` : level < 0 ? `−${-level}` : '0';
  return words ? `${words} (${signed})` : `Level ${signed}`;
}
