/**
 * What a practice gives in the import form, since a FHIR Questionnaire carries no score bands,
 * cut-off or reliable-change value (docs/measures.md, "Custom instruments").
 */
export type ImportedScoring = {
  /** Inclusive total ranges with their labels, lowest first; they may not overlap. */
  bands: readonly { label: string; min: number; max: number }[];
  direction: 'lower-is-better' | 'higher-is-better';
  /**
   * The clinical cut-off, when the form's authors publish one: a case at or above it (lower is
   * better) or below it (higher is better).
   */
  clinicalCutoff?: number | null;
  /** The smallest change in the total counted as reliable, when published (Jacobson & Truax 1991). */
  reliableChange?: number | null;
  /** The licence terms the practice uses the form under. */
  license?: string | null;
};

type Problem = { path: string; message: string };

const MAX_LABEL = 60;

/** The import form's scoring checked against the form's possible totals; each problem named. */
export function checkImportedScoring(
  scoring: ImportedScoring,
  range: { min: number; max: number },
): Problem[] {
  const problems: Problem[] = [];
  const span = `${range.min}–${range.max}`;
  const inRange = (n: number): boolean => Number.isInteger(n) && n >= range.min && n <= range.max;
  scoring.bands.forEach((band, i) => {
    const at = `bands[${i}]`;
    const label = band.label.trim();
    if (!label) problems.push({ path: `${at}.label`, message: `Band ${i + 1} needs a name.` });
    else if (label.length > MAX_LABEL)
      problems.push({
        path: `${at}.label`,
        message: `Band ${i + 1}'s name is longer than ${MAX_LABEL} characters.`,
      });
    if (!inRange(band.min))
      problems.push({
        path: `${at}.min`,
        message: `Band ${i + 1} starts at ${band.min}, outside the possible totals ${span}.`,
      });
    if (!inRange(band.max))
      problems.push({
        path: `${at}.max`,
        message: `Band ${i + 1} ends at ${band.max}, outside the possible totals ${span}.`,
      });
    if (band.max < band.min)
      problems.push({ path: `${at}.max`, message: `Band ${i + 1} ends before it starts.` });
    const before = scoring.bands[i - 1];
    if (before && band.min <= before.max)
      problems.push({
        path: `${at}.min`,
        message: `Band ${i + 1} starts at ${band.min}, inside band ${i} (which ends at ${before.max}); bands go lowest first and may not overlap.`,
      });
  });
  const labels = scoring.bands.map((b) => b.label.trim().toLowerCase());
  if (new Set(labels).size !== labels.length)
    problems.push({ path: 'bands', message: 'Two bands have the same name.' });
  const cutoff = scoring.clinicalCutoff;
  if (cutoff !== undefined && cutoff !== null && !inRange(cutoff))
    problems.push({
      path: 'clinicalCutoff',
      message: `The clinical cut-off must be a whole number within the possible totals ${span}.`,
    });
  const rc = scoring.reliableChange;
  if (
    rc !== undefined &&
    rc !== null &&
    (!Number.isInteger(rc) || rc < 1 || rc > range.max - range.min)
  )
    problems.push({
      path: 'reliableChange',
      message: `The reliable-change value must be a whole number from 1 to ${range.max - range.min}.`,
    });
  if (rc !== undefined && rc !== null && (cutoff === undefined || cutoff === null))
    problems.push({
      path: 'clinicalCutoff',
      message:
        'A reliable-change value needs a clinical cut-off too, so change can be categorised (recovered, improved, deteriorated).',
    });
  return problems;
}
