/**
 * How a score band reads to the client, in one place for the server (portal progress) and the web
 * (the result after a questionnaire). Band labels name a range of a scale; a few are screening
 * labels that sound like a diagnosis (`likely-depression`, `probable-ptsd`). A screening result is
 * not a diagnosis (CLINICAL.md §2: the therapist interprets it with the client), so those are
 * said as where the score sits, never as a condition. A label not listed here is not shown to the
 * client at all (default deny): a new instrument must word its bands before a client sees them.
 */
const CLIENT_BAND_WORDS: Readonly<Record<string, string>> = {
  none: 'none',
  minimal: 'minimal',
  low: 'low',
  mild: 'mild',
  moderate: 'moderate',
  'moderately-severe': 'moderately severe',
  severe: 'severe',
  high: 'high',
  'very-high': 'very high',
  healthy: 'healthy range',
  adequate: 'adequate wellbeing',
  'poor-wellbeing': 'low wellbeing',
  'likely-depression': 'very low wellbeing',
  'below-cutoff': 'below the screening cut-off',
  'probable-ptsd': 'above the screening cut-off',
};

/** The band in plain words a client may read, or null when it has none (or no band). */
export function clientBandWords(label: string | null | undefined): string | null {
  if (label === null || label === undefined) return null;
  return Object.hasOwn(CLIENT_BAND_WORDS, label) ? (CLIENT_BAND_WORDS[label] ?? null) : null;
}

/** "16 (moderately severe)", or "16" when the band has no words a client may read. */
export function scoreInClientWords(score: number, band: string | null | undefined): string {
  const words = clientBandWords(band);
  return words ? `${score} (${words})` : String(score);
}
