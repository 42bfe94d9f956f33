import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { InstrumentDefinition } from '../instruments/types';
import { answeredItems } from './answers';
import { answerCoding, linkId, questionnaireCanonical } from './codes';

export type QuestionnaireResponseInput = {
  definition: InstrumentDefinition;
  /** Answers as recorded, in item order (the same array the scorer takes). */
  answers: readonly number[];
  /** ISO 8601 date-time with a zone offset, e.g. `2026-03-02T09:30:00.000Z`. */
  completedAt: string;
  /** `Patient/<id>`. */
  patientRef: string;
  /** Who entered the answers: `Patient/<id>`, or `Practitioner/<id>` for a paper form entered on the client's behalf. */
  authorRef?: string;
  id: string;
};

/**
 * A completed form as a FHIR R4 `QuestionnaireResponse`, pointing at the versioned Questionnaire
 * of `toQuestionnaire`. Throws when the answers would not score (CLINICAL.md §1).
 */
export function toQuestionnaireResponse(input: QuestionnaireResponseInput): QuestionnaireResponse {
  const { definition, answers, completedAt, patientRef, authorRef, id } = input;
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    questionnaire: questionnaireCanonical(definition),
    status: 'completed',
    subject: { reference: patientRef },
    authored: completedAt,
    ...(authorRef ? { author: { reference: authorRef } } : {}),
    // The client is the source of the answers even when a therapist typed them in.
    source: { reference: patientRef },
    item: answeredItems(definition, answers).map(({ item, option }) => ({
      linkId: linkId(item, definition),
      text: item.text,
      answer: [{ valueCoding: answerCoding(definition, item, option) }],
    })),
  };
}
