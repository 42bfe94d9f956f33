import { describe, expect, it } from 'vitest';
import { getInstrument } from '../instruments';
import { LOINC, OBSERVATION_CATEGORY } from './codes';
import { toObservations } from './observations';
import { COMPLETED_AT, mapAll, PATIENT, RESPONSE_ID, TOTAL_ID } from './test-helpers';

const SURVEY = [
  { coding: [expect.objectContaining({ system: OBSERVATION_CATEGORY, code: 'survey' })] },
];

describe('toObservations', () => {
  it('PHQ-9: total 44261-6 with band, item 9 as 44260-8, references resolve', () => {
    const { observations, response } = mapAll('phq-9', [1, 1, 1, 1, 1, 1, 1, 1, 2]);
    const { total, members } = observations;
    expect(total).toMatchObject({
      resourceType: 'Observation',
      id: TOTAL_ID,
      status: 'final',
      category: SURVEY,
      code: { coding: [expect.objectContaining({ system: LOINC, code: '44261-6' })] },
      subject: { reference: PATIENT },
      effectiveDateTime: COMPLETED_AT,
      valueInteger: 10,
      interpretation: [expect.objectContaining({ text: 'moderate' })],
      derivedFrom: [{ reference: `QuestionnaireResponse/${response.id}` }],
    });
    expect(total.note![0]!.text).toContain('Flags: risk-item.');
    // Every hasMember reference points at a member we returned, and every member is referenced.
    expect(total.hasMember!.map((r) => r.reference)).toEqual(
      members.map((m) => `Observation/${m.id}`),
    );
    expect(new Set(members.map((m) => m.id)).size).toBe(9);
    for (const m of members) {
      expect(m.derivedFrom).toEqual([{ reference: `QuestionnaireResponse/${RESPONSE_ID}` }]);
      expect(m.category).toEqual(SURVEY);
    }
    const item9 = members.find((m) => m.id === `${TOTAL_ID}-item-9`)!;
    expect(item9.code.coding).toEqual([
      expect.objectContaining({ system: LOINC, code: '44260-8' }),
    ]);
    expect(item9.valueCodeableConcept!.coding).toEqual([
      expect.objectContaining({ system: LOINC, code: 'LA6570-1' }),
    ]);
    // Issue 7, item 20: every PHQ-9 item carries its LOINC question code, not a project code.
    expect(
      [...members]
        .filter((m) => m.id!.includes('-item-'))
        .map((m) => `${m.code.coding![0]!.system}|${m.code.coding![0]!.code}`),
    ).toEqual(
      [
        '44250-9',
        '44255-8',
        '44259-0',
        '44254-1',
        '44251-7',
        '44258-2',
        '44252-5',
        '44253-3',
        '44260-8',
      ].map((c) => `${LOINC}|${c}`),
    );
  });

  it('GAD-7: total 70274-6, items with their LOINC codes', () => {
    const { total, members } = mapAll('gad-7', [3, 3, 3, 3, 3, 3, 3]).observations;
    expect(members.map((m) => m.code.coding![0]!.code)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
    expect(total.code.coding).toEqual([
      expect.objectContaining({ system: LOINC, code: '70274-6' }),
    ]);
    expect(total).toMatchObject({ valueInteger: 21, interpretation: [{ text: 'severe' }] });
  });

  it('PHQ-4: the PHQ-2 subscale member carries LOINC 55758-7; the total is project-coded', () => {
    const { total, members } = mapAll('phq-4', [1, 1, 2, 2]).observations;
    expect(total.code.coding![0]).toMatchObject({
      system: 'https://throughline.example/fhir/CodeSystem/phq-4-score',
    });
    const phq2 = members.find((m) => m.id === `${TOTAL_ID}-sub-phq-2`)!;
    expect(phq2.code.coding).toEqual([expect.objectContaining({ system: LOINC, code: '55758-7' })]);
    expect(phq2.valueInteger).toBe(4);
    expect(total.hasMember!.map((r) => r.reference)).toContain(`Observation/${phq2.id}`);
  });

  it('WHO-5: project total code, raw valueInteger and the percentage as a % quantity', () => {
    const { total, members } = mapAll('who-5', [1, 1, 1, 1, 3]).observations;
    expect(total.code.coding).toEqual([
      expect.objectContaining({
        system: 'https://throughline.example/fhir/CodeSystem/who-5-score',
        code: 'total',
      }),
    ]);
    expect(total.valueInteger).toBe(7);
    expect(total.component![0]!.valueQuantity).toEqual({
      value: 28,
      unit: '%',
      system: 'http://unitsofmeasure.org',
      code: '%',
    });
    expect(total.interpretation![0]!.text).toBe('likely-depression');
    expect(members).toHaveLength(5);
  });

  it('PCL-5: project total code, cluster subscales and 20 items as members', () => {
    const { total, members } = mapAll('pcl-5', Array(20).fill(2)).observations;
    expect(total.code.coding![0]).toMatchObject({
      system: 'https://throughline.example/fhir/CodeSystem/pcl-5-score',
    });
    expect(total.valueInteger).toBe(40);
    expect(total.interpretation![0]!.text).toBe('probable-ptsd');
    expect(total.note![0]!.text).toContain('Cut-off: 33.');
    expect(members).toHaveLength(24);
    expect(total.hasMember).toHaveLength(24);
  });

  it('refuses a total, band or flag that does not match the answers', () => {
    const { score } = mapAll('phq-9', [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const input = {
      definition: getInstrument('phq-9'),
      answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
      completedAt: COMPLETED_AT,
      patientRef: PATIENT,
      responseId: RESPONSE_ID,
      id: TOTAL_ID,
    };
    expect(() => toObservations({ ...input, score: { ...score, total: 20 } })).toThrow(
      /total \(20\) does not match the answers, which give 8/,
    );
    expect(() => toObservations({ ...input, score: { ...score, band: 'severe' } })).toThrow(/band/);
    expect(() =>
      toObservations({
        ...input,
        score: { ...score, flags: [] },
        answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
      }),
    ).toThrow(/total \(8\) does not match/);
    expect(() => toObservations({ ...input, score })).not.toThrow();
  });

  it('refuses a score produced by another instrument', () => {
    const { score } = mapAll('gad-7', [0, 0, 0, 0, 0, 0, 0]);
    expect(() =>
      toObservations({
        definition: getInstrument('phq-9'),
        answers: Array(9).fill(0),
        score,
        completedAt: COMPLETED_AT,
        patientRef: PATIENT,
        responseId: RESPONSE_ID,
        id: TOTAL_ID,
      }),
    ).toThrow(/gad-7/);
  });
});
