import type { CodeableConcept, Coding, Observation, Reference } from '@medplum/fhirtypes';
import { ClinicalInputError } from '../guards/errors';
import type { InstrumentDefinition } from '../instruments/types';
import { type ScoreResult, scoreAnswers } from '../scoring';
import { answeredItems } from './answers';
import { answerCoding, bandSystem, itemCoding, OBSERVATION_CATEGORY, scoreSystem } from './codes';

export type ObservationsInput = {
  definition: InstrumentDefinition;
  /** Answers as recorded, in item order. */
  answers: readonly number[];
  /** The scorer's result for these answers (`scoreAnswers`), so the stored score is exported as is. */
  score: ScoreResult;
  /** ISO 8601 date-time with a zone offset. */
  completedAt: string;
  /** `Patient/<id>`. */
  patientRef: string;
  /** Who entered the answers, recorded as performer. */
  authorRef?: string;
  /** Id of the QuestionnaireResponse the scores derive from. */
  responseId: string;
  /** Id of the total Observation; members get `<id>-item-<n>` and `<id>-sub-<name>`. */
  id: string;
};

export type ScoreObservations = {
  /** The total score: the panel Observation, `hasMember` every member. */
  total: Observation;
  /** Subscale totals, then one Observation per item, in item order. */
  members: Observation[];
};

const SURVEY: CodeableConcept[] = [
  { coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] },
];

/**
 * Scores as US Core "Observation Screening Assessment"-style Observations (CLINICAL.md §5):
 * category `survey`, `derivedFrom` the QuestionnaireResponse, `hasMember` the subscale and item
 * Observations. LOINC where §5 gives a code, else a project code system (docs/fhir.md).
 */
export function toObservations(input: ObservationsInput): ScoreObservations {
  const { definition, answers, score, id } = input;
  if (score.instrument !== definition.key || score.version !== definition.version)
    throw new Error(
      `Score is for ${score.instrument} ${score.version}, not ${definition.key} ${definition.version}.`,
    );
  checkScoreMatchesAnswers(definition, answers, score);
  const common = commonFields(input);

  const subscales: Observation[] = Object.entries(score.subscales).map(([name, value]) => ({
    resourceType: 'Observation',
    id: `${id}-sub-${idSafe(name)}`,
    ...common,
    code: {
      coding: [subscaleCoding(definition, name)],
      text: `${definition.title} ${name} subscale`,
    },
    valueInteger: value,
  }));

  const items: Observation[] = answeredItems(definition, answers).map(({ item, option }) => ({
    resourceType: 'Observation',
    id: `${id}-item-${item.number}`,
    ...common,
    code: { coding: [itemCoding(definition, item)], text: item.text },
    valueCodeableConcept: {
      coding: [answerCoding(definition, item, option)],
      text: option.label,
    },
  }));

  const members = [...subscales, ...items];
  const total: Observation = {
    resourceType: 'Observation',
    id,
    ...common,
    code: { coding: [totalCoding(definition)], text: `${definition.title} total score` },
    valueInteger: score.total,
    ...(score.percentage === undefined
      ? {}
      : {
          // WHO-5 reports its score as a percentage (raw × 4) as well as the raw total.
          component: [
            {
              code: {
                coding: [{ system: scoreSystem(definition.key), code: 'percentage' }],
                text: `${definition.title} percentage score`,
              },
              valueQuantity: {
                value: score.percentage,
                unit: '%',
                system: 'http://unitsofmeasure.org',
                code: '%',
              },
            },
          ],
        }),
    ...(score.band === null
      ? {}
      : {
          interpretation: [
            {
              coding: [{ system: bandSystem(definition.key), code: score.band }],
              text: score.band,
            },
          ],
        }),
    note: [{ text: scoringNote(definition, score) }],
    hasMember: members.map((m): Reference<Observation> => ({ reference: `Observation/${m.id}` })),
  };
  return { total, members };
}

/**
 * The exported score must be the one the answers give: a total, band, flag or subscale that does
 * not match them would travel to another system as a clinical fact (issue 7, item 20).
 */
function checkScoreMatchesAnswers(
  definition: InstrumentDefinition,
  answers: readonly number[],
  score: ScoreResult,
): void {
  const recomputed = scoreAnswers(
    definition,
    answers,
    score.cutoff === undefined || definition.cutoff?.configurable === undefined
      ? {}
      : { cutoff: score.cutoff },
  );
  if (!recomputed.ok) return; // answeredItems names the invalid answers
  const want = recomputed.result;
  const mismatch = (
    [
      ['total', score.total, want.total],
      ['band', score.band, want.band],
      ['percentage', score.percentage, want.percentage],
      ['flags', score.flags.join(','), want.flags.join(',')],
      ['subscales', JSON.stringify(score.subscales), JSON.stringify(want.subscales)],
    ] as const
  ).find(([, given, expected]) => given !== expected);
  if (mismatch)
    throw new ClinicalInputError(
      `score.${mismatch[0]}`,
      `The ${definition.key} score's ${mismatch[0]} (${String(mismatch[1])}) does not match the answers, which give ${String(mismatch[2])}.`,
    );
}

function commonFields(
  input: ObservationsInput,
): Pick<
  Observation,
  'status' | 'category' | 'subject' | 'effectiveDateTime' | 'performer' | 'derivedFrom'
> {
  return {
    status: 'final',
    category: SURVEY,
    subject: { reference: input.patientRef },
    effectiveDateTime: input.completedAt,
    ...(input.authorRef ? { performer: [{ reference: input.authorRef }] } : {}),
    derivedFrom: [{ reference: `QuestionnaireResponse/${input.responseId}` }],
  };
}

/** LOINC total where §5 gives one (PHQ-9 44261-6, GAD-7 70274-6), else project-coded. */
function totalCoding(definition: InstrumentDefinition): Coding {
  const known = definition.codes?.find((c) => c.total);
  return known?.total
    ? { system: known.system, code: known.total, display: `${definition.title} total score` }
    : { system: scoreSystem(definition.key), code: 'total', display: `${definition.title} total` };
}

/** LOINC subscale total where §5 gives one (PHQ-4's PHQ-2, 55758-7), else project-coded. */
function subscaleCoding(definition: InstrumentDefinition, name: string): Coding {
  const known = definition.codes?.find((c) => c.subscales?.[name]);
  const code = known?.subscales?.[name];
  return known && code
    ? { system: known.system, code, display: `${name.toUpperCase()} total score` }
    : {
        system: scoreSystem(definition.key),
        code: `subscale-${name}`,
        display: `${name} subscale`,
      };
}

/** Every stored result names the rule and version that produced it (CLINICAL.md preamble). */
function scoringNote(definition: InstrumentDefinition, score: ScoreResult): string {
  const parts = [`Scored with ${definition.key} ${score.version}: ${score.rule}.`];
  if (score.band !== null) parts.push(`Band: ${score.band}.`);
  if (score.cutoff !== undefined) parts.push(`Cut-off: ${score.cutoff}.`);
  if (score.flags.length > 0) parts.push(`Flags: ${score.flags.join(', ')}.`);
  return parts.join(' ');
}

/** FHIR ids allow letters, digits, `-` and `.` only. */
const idSafe = (name: string): string => name.replace(/[^A-Za-z0-9.-]/g, '-');
