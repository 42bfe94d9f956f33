import type { Extension, QuestionnaireItemAnswerOption } from '@medplum/fhirtypes';

/**
 * Extensions that carry an answer's score. R4 core `ordinalValue` (context: Coding and
 * Questionnaire.item.answerOption); R5 renamed it `itemWeight` and forms written for R5 tooling
 * use that name on R4 resources too; `iso21090-CO-value` is the older name still written by
 * LHC-Forms and many LOINC panels. All three carry a decimal; Throughline reads them the same way.
 */
export const WEIGHT_EXTENSIONS: readonly string[] = [
  'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  'http://hl7.org/fhir/StructureDefinition/itemWeight',
  'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value',
];

/** One answer option as read from a Questionnaire: what it says, its score and its code. */
export type ReadOption = { label: string; weight: number | null; code?: string; system?: string };

function weightIn(extensions: readonly Extension[] | undefined): number | null {
  for (const e of extensions ?? []) {
    if (!WEIGHT_EXTENSIONS.includes(e.url)) continue;
    const value = e.valueDecimal ?? e.valueInteger;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/**
 * The score of one answer option: a weight extension on the option or on its Coding, else the
 * option's own integer (`valueInteger` 0–4 scores as itself). A coded or text answer without a
 * weight has none: it cannot be scored.
 */
export function readOption(option: QuestionnaireItemAnswerOption): ReadOption {
  const coding = option.valueCoding;
  const weight =
    weightIn(option.extension) ??
    weightIn(coding?.extension) ??
    (typeof option.valueInteger === 'number' ? option.valueInteger : null);
  const label =
    coding?.display ??
    option.valueString ??
    (typeof option.valueInteger === 'number' ? String(option.valueInteger) : undefined) ??
    coding?.code ??
    '';
  return {
    label: label.trim(),
    weight,
    ...(coding?.code ? { code: coding.code } : {}),
    ...(coding?.system ? { system: coding.system } : {}),
  };
}
