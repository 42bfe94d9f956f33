import type { Coding } from '@medplum/fhirtypes';
import type { AnswerOption, InstrumentDefinition, Item } from '../instruments/types';

/** Code systems and extension URLs used by the FHIR mapping (docs/fhir.md). */
export const LOINC = 'http://loinc.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
/**
 * R4 core extension carrying an answer's score on a Coding (R5 renames it `itemWeight`); the SDC
 * implementation guide uses it on `Questionnaire.item.answerOption.valueCoding`.
 */
export const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

/**
 * The stable canonical base of the project's FHIR definitions (docs/fhir.md). A canonical URL
 * names a definition, not the server it is read from: every installation publishes the same
 * Questionnaire under the same URL, so answers from two practices compare. It is an absolute
 * `https` URL as FHIR asks of canonicals, on a reserved `.example` host until the project has a
 * domain of its own; changing it would be a new canonical and needs a new definition version.
 */
export const CANONICAL_BASE = 'https://throughline.example/fhir';
export const questionnaireUrl = (key: string): string => `${CANONICAL_BASE}/Questionnaire/${key}`;
/**
 * A practice instrument's canonical: scoped by practice, since two practices may import
 * different forms under the same key.
 */
export const practiceQuestionnaireUrl = (practiceId: string, key: string): string =>
  `${CANONICAL_BASE}/practice/${practiceId}/Questionnaire/${key}`;
/** Project code systems, used only where CLINICAL.md §5 and LOINC give no standard code. */
export const answerSystem = (key: string): string => `${CANONICAL_BASE}/CodeSystem/${key}-answer`;
export const scoreSystem = (key: string): string => `${CANONICAL_BASE}/CodeSystem/${key}-score`;
export const itemSystem = (key: string): string => `${CANONICAL_BASE}/CodeSystem/${key}-item`;
export const bandSystem = (key: string): string => `${CANONICAL_BASE}/CodeSystem/${key}-band`;

/** Canonical reference to one version of an instrument's Questionnaire. */
export function questionnaireCanonical(definition: InstrumentDefinition): string {
  return `${definitionUrl(definition)}|${definition.version}`;
}

/** A practice instrument's own canonical URL, else the project's URL for a shipped one. */
export function definitionUrl(definition: InstrumentDefinition): string {
  return definition.origin?.url ?? questionnaireUrl(definition.key);
}

/**
 * The coding of one answer: the LOINC answer code where CLINICAL.md §5 gives one (the PHQ/GAD
 * frequency scale, LA6568-5…LA6571-9), else the project answer system with the recorded value as
 * code. `ordinalValue` carries the item's score, which differs from the value on reverse-scored
 * items (CORE-10 items 2 and 3).
 */
export function answerCoding(
  definition: InstrumentDefinition,
  item: Item,
  option: AnswerOption,
): Coding {
  const values = definition.options.map((o) => o.value);
  const score = item.reverseScored
    ? Math.max(...values) + Math.min(...values) - option.value
    : option.value;
  const coding: Coding = option.code
    ? { system: option.system ?? LOINC, code: option.code, display: option.label }
    : { system: answerSystem(definition.key), code: String(option.value), display: option.label };
  return { extension: [{ url: ORDINAL_VALUE, valueDecimal: score }], ...coding };
}

/** The code of an item's own observation: its LOINC code where §5 gives one, else project-coded. */
export function itemCoding(definition: InstrumentDefinition, item: Item): Coding {
  return item.loinc
    ? { system: LOINC, code: item.loinc, display: item.text }
    : { system: itemSystem(definition.key), code: String(item.number), display: item.text };
}

/**
 * The linkId of an item: its printed number, or the linkId it had in the Questionnaire a practice
 * imported (so answers map back to the source form).
 */
export const linkId = (item: Item, definition?: InstrumentDefinition): string =>
  definition?.origin?.linkIds[item.number - 1] ?? String(item.number);
