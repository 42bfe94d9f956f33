import { describe, expect, it } from 'vitest';
import { getInstrument } from '../instruments';
import { LOINC } from './codes';
import { toQuestionnaireResponse } from './questionnaire-response';
import { AUTHOR, COMPLETED_AT, mapAll, PATIENT, RESPONSE_ID } from './test-helpers';

describe('toQuestionnaireResponse', () => {
  it('PHQ-9: versioned canonical, subject, author, LOINC answer per item', () => {
    const { response } = mapAll('phq-9', [0, 1, 2, 3, 0, 1, 2, 3, 1]);
    expect(response).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      id: RESPONSE_ID,
      questionnaire: 'https://throughline.example/fhir/Questionnaire/phq-9|1.1.0',
      status: 'completed',
      subject: { reference: PATIENT },
      author: { reference: AUTHOR },
      source: { reference: PATIENT },
      authored: COMPLETED_AT,
    });
    expect(response.item!.map((i) => i.answer![0]!.valueCoding!.code)).toEqual([
      'LA6568-5',
      'LA6569-3',
      'LA6570-1',
      'LA6571-9',
      'LA6568-5',
      'LA6569-3',
      'LA6570-1',
      'LA6571-9',
      'LA6569-3',
    ]);
    expect(response.item!.every((i) => i.answer![0]!.valueCoding!.system === LOINC)).toBe(true);
  });

  it('WHO-5 and PCL-5: project-coded answers carry the value as code', () => {
    const who5 = mapAll('who-5', [5, 4, 3, 2, 0]).response;
    expect(who5.item!.map((i) => i.answer![0]!.valueCoding)).toEqual(
      [5, 4, 3, 2, 0].map((v) =>
        expect.objectContaining({
          system: 'https://throughline.example/fhir/CodeSystem/who-5-answer',
          code: String(v),
        }),
      ),
    );
    const pcl5 = mapAll('pcl-5', Array(20).fill(4)).response;
    expect(pcl5.item).toHaveLength(20);
    expect(pcl5.item![19]!.answer![0]!.valueCoding!.code).toBe('4');
  });

  it('refuses answers that would not score (CLINICAL.md §1: never prorate)', () => {
    const base = {
      definition: getInstrument('phq-9'),
      completedAt: COMPLETED_AT,
      patientRef: PATIENT,
      id: RESPONSE_ID,
    };
    expect(() => toQuestionnaireResponse({ ...base, answers: [0, 0, 0] })).toThrow(/item 4/);
    expect(() => toQuestionnaireResponse({ ...base, answers: Array(9).fill(4) })).toThrow(
      /must be 0–3/,
    );
  });
});
