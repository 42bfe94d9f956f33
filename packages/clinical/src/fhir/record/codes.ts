import type { CodeableConcept, Coding, Extension } from '@medplum/fhirtypes';
import { CANONICAL_BASE, LOINC } from '../codes';

/**
 * Code systems, identifier systems and extensions of the relationship export (docs/fhir.md,
 * "Relationship export"). LOINC where a code exists for the document; everything that is the
 * project's own vocabulary (phases, consent kinds, GAS levels) lives under `CANONICAL_BASE`.
 */
export const codeSystem = (name: string): string => `${CANONICAL_BASE}/CodeSystem/${name}`;
export const extensionUrl = (name: string): string =>
  `${CANONICAL_BASE}/StructureDefinition/${name}`;
/** Identifier systems: the id a record had in the practice that exported it. */
export const identifierSystem = (kind: string): string => `${CANONICAL_BASE}/identifier/${kind}`;

export const SYSTEMS = {
  episodePhase: codeSystem('episode-phase'),
  endingKind: codeSystem('ending-kind'),
  sessionKind: codeSystem('session-kind'),
  modality: codeSystem('session-modality'),
  planKind: codeSystem('care-plan-kind'),
  consentKind: codeSystem('consent-kind'),
  gasLevel: codeSystem('gas-level'),
  noteTemplate: codeSystem('note-template'),
  messageParty: codeSystem('message-party'),
} as const;

export const EXTENSIONS = {
  /** On EpisodeOfCare: the episode this one returns after (a return opens a new episode). */
  previousEpisode: extensionUrl('previous-episode'),
  /** On EpisodeOfCare: the therapist's label for the episode. */
  episodeTitle: extensionUrl('episode-title'),
  /** On EpisodeOfCare: how the episode ended (kind code, when). */
  ending: extensionUrl('episode-ending'),
  /** On Goal: one level of its Goal Attainment Scale (level −2…+2 and its description). */
  gasLevel: extensionUrl('gas-level'),
  /** On Goal: the GAS weight (Kiresuk & Sherman). */
  gasWeight: extensionUrl('gas-weight'),
  /** On Goal: the therapist's words beside the client's. */
  therapistWords: extensionUrl('therapist-words'),
  /** On Patient: the pronouns the client uses (R4 has no element; R5 adds an extension). */
  pronouns: extensionUrl('pronouns'),
  /** On CarePlan: the version of the shared plan. */
  planVersion: extensionUrl('plan-version'),
} as const;

/** LOINC document codes (checked against LOINC's document ontology). */
export const DOCUMENT_CODES = {
  progressNote: { system: LOINC, code: '11506-3', display: 'Progress note' },
  dischargeSummary: { system: LOINC, code: '18842-5', display: 'Discharge summary' },
} as const satisfies Record<string, Coding>;

export const concept = (system: string, code: string, display?: string): CodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
  ...(display ? { text: display } : {}),
});

export const stringExtension = (url: string, value: string): Extension => ({
  url,
  valueString: value,
});

/** An ISO instant as FHIR `instant`/`dateTime` (always UTC, milliseconds kept). */
export const instant = (at: Date | string): string =>
  (typeof at === 'string' ? new Date(at) : at).toISOString();
