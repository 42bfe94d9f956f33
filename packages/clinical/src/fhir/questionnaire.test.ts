import { describe, expect, it } from 'vitest';
import { getInstrument, INSTRUMENTS } from '../instruments';
import { LOINC, ORDINAL_VALUE } from './codes';
import { toQuestionnaire } from './questionnaire';

const FREQUENCY_CODES = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];

describe('toQuestionnaire', () => {
  it('PHQ-9: url, version, panel LOINC 44249-1, item 9 LOINC 44260-8, LOINC answer codes', () => {
    const q = toQuestionnaire(getInstrument('phq-9'));
    expect(q).toMatchObject({
      resourceType: 'Questionnaire',
      url: 'https://throughline.example/fhir/Questionnaire/phq-9',
      version: '1.1.0',
      status: 'active',
      title: 'Patient Health Questionnaire (PHQ-9)',
      code: [{ system: LOINC, code: '44249-1' }],
    });
    expect(q.copyright).toContain('Kroenke K, Spitzer RL, Williams JBW');
    const questions = q.item!.filter((i) => i.type === 'choice');
    expect(questions.map((i) => i.linkId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(questions[8]!.code).toEqual([
      expect.objectContaining({ system: LOINC, code: '44260-8' }),
    ]);
    for (const item of questions) {
      expect(item.answerOption!.map((o) => o.valueCoding!.code)).toEqual(FREQUENCY_CODES);
      expect(item.answerOption!.every((o) => o.valueCoding!.system === LOINC)).toBe(true);
      expect(item.answerOption!.map((o) => o.valueCoding!.extension)).toEqual(
        [0, 1, 2, 3].map((v) => [{ url: ORDINAL_VALUE, valueDecimal: v }]),
      );
    }
  });

  it('canonical URLs are absolute https URLs, never urn: strings', () => {
    for (const d of INSTRUMENTS) {
      const q = toQuestionnaire(d);
      expect(q.url).toBe(`https://throughline.example/fhir/Questionnaire/${d.key}`);
      expect(JSON.stringify(q)).not.toContain('urn:');
    }
  });

  it('PHQ-4: panel LOINC 69724-3', () => {
    expect(toQuestionnaire(getInstrument('phq-4')).code).toEqual([
      expect.objectContaining({ system: LOINC, code: '69724-3' }),
    ]);
  });

  it('GAD-7: panel LOINC 69737-5, LOINC item codes and the same LOINC answer codes', () => {
    const q = toQuestionnaire(getInstrument('gad-7'));
    expect(q.code).toEqual([expect.objectContaining({ system: LOINC, code: '69737-5' })]);
    expect(q.item!.filter((i) => i.type === 'choice').map((i) => i.code?.[0]?.code)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
    const first = q.item!.find((i) => i.linkId === '1')!;
    expect(first.answerOption!.map((o) => o.valueCoding!.code)).toEqual(FREQUENCY_CODES);
  });

  it('WHO-5: no LOINC panel; answers are project-coded with their scores as ordinal values', () => {
    const q = toQuestionnaire(getInstrument('who-5'));
    expect(q.code?.some((c) => c.system === LOINC)).toBeFalsy();
    const first = q.item!.find((i) => i.linkId === '1')!;
    expect(first.answerOption!.map((o) => o.valueCoding)).toEqual(
      [5, 4, 3, 2, 1, 0].map((v) =>
        expect.objectContaining({
          system: 'https://throughline.example/fhir/CodeSystem/who-5-answer',
          code: String(v),
          extension: [{ url: ORDINAL_VALUE, valueDecimal: v }],
        }),
      ),
    );
  });

  it('PCL-5: 20 required choice items, no panel code, project answer system 0–4', () => {
    const q = toQuestionnaire(getInstrument('pcl-5'));
    expect(q.code).toBeUndefined();
    const questions = q.item!.filter((i) => i.type === 'choice');
    expect(questions).toHaveLength(20);
    expect(questions.every((i) => i.required)).toBe(true);
    expect(questions[0]!.answerOption!.map((o) => o.valueCoding!.code)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(questions[0]!.answerOption![0]!.valueCoding!.system).toBe(
      'https://throughline.example/fhir/CodeSystem/pcl-5-answer',
    );
  });

  it('CORE-10: reverse-scored items keep their answer code but carry the reversed score', () => {
    const q = toQuestionnaire(getInstrument('core-10'));
    const item2 = q.item!.find((i) => i.linkId === '2')!;
    const first = item2.answerOption![0]!.valueCoding!;
    expect(first.code).toBe('0');
    expect(first.extension).toEqual([{ url: ORDINAL_VALUE, valueDecimal: 4 }]);
  });

  it('every shipped instrument maps, with one choice item per definition item', () => {
    for (const d of INSTRUMENTS) {
      const q = toQuestionnaire(d);
      expect(q.item!.filter((i) => i.type === 'choice')).toHaveLength(d.items.length);
    }
  });
});
