import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { classifyChange } from '../change';
import { toObservations, toQuestionnaire, toQuestionnaireResponse } from '../fhir';
import { scoreAnswers } from '../scoring';
import { fromQuestionnaire, type ImportedScoring } from './from-questionnaire';

const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const WEIGHT = 'http://hl7.org/fhir/StructureDefinition/itemWeight';
const LABELS = ['Never', 'Sometimes', 'Often', 'Always'];

/** A choice item whose options carry `ordinalValue` on the Coding (the SDC convention). */
function item(linkId: string, text: string, weights = [0, 1, 2, 3]): QuestionnaireItem {
  return {
    linkId,
    text,
    type: 'choice',
    answerOption: LABELS.map((display, i) => ({
      valueCoding: {
        system: 'urn:example:freq',
        code: `f${i}`,
        display,
        extension: [{ url: ORDINAL, valueDecimal: weights[i]! }],
      },
    })),
  };
}

function form(items: QuestionnaireItem[]): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    status: 'active',
    url: 'https://forms.example.org/Questionnaire/sleep-check',
    version: '2.0',
    title: 'Sleep check',
    description: 'Over the last week, how often…',
    item: [{ linkId: 'intro', type: 'display', text: 'Please answer all.' }, ...items],
  };
}

const SCORING: ImportedScoring = {
  bands: [
    { label: 'Low', min: 0, max: 3 },
    { label: 'Raised', min: 4, max: 9 },
  ],
  direction: 'lower-is-better',
  clinicalCutoff: 4,
  reliableChange: 3,
};
const TARGET = {
  key: 'custom-sleep-check',
  version: '1',
  url: 'https://throughline.example/fhir/practice/p1/Questionnaire/custom-sleep-check',
};

const convert = (q: unknown, scoring: ImportedScoring = SCORING) =>
  fromQuestionnaire(q, scoring, TARGET);

function definitionOf(q: unknown, scoring: ImportedScoring = SCORING) {
  const outcome = convert(q, scoring);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.definition;
}

describe('fromQuestionnaire: scored forms', () => {
  const q = form([
    item('s1', 'Trouble falling asleep'),
    item('s2', 'Woke rested', [3, 2, 1, 0]),
    item('s3', 'Nightmares'),
  ]);

  it('reads ordinalValue weights, detects a mirrored item as reverse-scored, and keeps linkIds', () => {
    const d = definitionOf(q);
    expect(d).toMatchObject({
      key: 'custom-sleep-check',
      title: 'Sleep check',
      version: '1',
      validated: false,
      instructions: 'Over the last week, how often…',
      direction: 'lower-is-better',
      cutoff: { default: 4 },
      caseness: { on: 'total', atLeast: 4 },
      reliableChange: { value: 3, on: 'total' },
      origin: {
        derivedFrom: 'https://forms.example.org/Questionnaire/sleep-check|2.0',
        linkIds: ['s1', 's2', 's3'],
      },
    });
    expect(d.options.map((o) => [o.value, o.label])).toEqual([
      [0, 'Never'],
      [1, 'Sometimes'],
      [2, 'Often'],
      [3, 'Always'],
    ]);
    expect(d.items.map((i) => i.reverseScored ?? false)).toEqual([false, true, false]);
  });

  it('scores with the same pure scorer as the shipped instruments', () => {
    const d = definitionOf(q);
    // "Always" (value 3) on every item: item 2 is mirrored, so 3 + 0 + 3.
    const outcome = scoreAnswers(d, [3, 3, 3]);
    expect(outcome).toMatchObject({
      ok: true,
      result: { instrument: 'custom-sleep-check', total: 6, band: 'Raised', cutoff: 4 },
    });
    expect(scoreAnswers(d, [0, 3, 0])).toMatchObject({
      ok: true,
      result: { total: 0, band: 'Low' },
    });
    expect(scoreAnswers(d, [0, 3, 4])).toMatchObject({
      ok: false,
      reason: 'invalid-answers',
      issues: [{ item: 3 }],
    });
    expect(classifyChange(d, 6, 0).category).toBe('recovered');
  });

  it('maps to FHIR with its own canonical URL, linkIds and codes', () => {
    const d = definitionOf(q);
    const questionnaire = toQuestionnaire(d);
    expect(questionnaire.url).toBe(TARGET.url);
    expect(questionnaire.derivedFrom).toEqual([
      'https://forms.example.org/Questionnaire/sleep-check|2.0',
    ]);
    expect(questionnaire.item?.slice(1).map((i) => i.linkId)).toEqual(['s1', 's2', 's3']);
    const response = toQuestionnaireResponse({
      definition: d,
      answers: [1, 1, 1],
      completedAt: '2026-03-02T09:30:00.000Z',
      patientRef: 'Patient/c1',
      id: 'r1',
    });
    expect(response.questionnaire).toBe(`${TARGET.url}|1`);
    expect(response.item?.[1]?.answer?.[0]?.valueCoding).toMatchObject({
      system: 'urn:example:freq',
      code: 'f1',
      extension: [{ valueDecimal: 2 }],
    });
    const score = scoreAnswers(d, [1, 1, 1]);
    if (!score.ok) throw new Error('not scored');
    const { total } = toObservations({
      definition: d,
      answers: [1, 1, 1],
      score: score.result,
      completedAt: '2026-03-02T09:30:00.000Z',
      patientRef: 'Patient/c1',
      responseId: 'r1',
      id: 'o1',
    });
    expect(total).toMatchObject({ valueInteger: 4, interpretation: [{ text: 'Raised' }] });
  });

  it('accepts itemWeight on the answer option, integer answers, and questions inside groups', () => {
    const unbanded: ImportedScoring = { bands: [], direction: 'higher-is-better' };
    const weighted: QuestionnaireItem = {
      linkId: 'w',
      text: 'Weighted',
      type: 'choice',
      answerOption: [
        { valueString: 'No', extension: [{ url: WEIGHT, valueDecimal: 0 }] },
        { valueString: 'Yes', extension: [{ url: WEIGHT, valueDecimal: 2 }] },
      ],
    };
    const d = definitionOf(
      {
        ...form([]),
        item: [
          {
            linkId: 'g',
            type: 'group',
            item: [weighted, { ...weighted, linkId: 'w2', text: 'Also' }],
          },
        ],
      },
      unbanded,
    );
    expect(d.items.map((i) => i.text)).toEqual(['Weighted', 'Also']);
    expect(d.options).toEqual([
      { value: 0, label: 'No' },
      { value: 2, label: 'Yes' },
    ]);
    const ints = definitionOf(
      form([
        {
          linkId: 'n',
          text: 'Rate it',
          type: 'choice',
          answerOption: [1, 2, 3].map((valueInteger) => ({ valueInteger })),
        },
      ]),
      unbanded,
    );
    expect(ints.options.map((o) => o.value)).toEqual([1, 2, 3]);
  });
});

describe('fromQuestionnaire: refused, naming the item and what it lacks', () => {
  it('an item whose options carry no weight', () => {
    const sleep = item('3', 'Sleep');
    for (const o of sleep.answerOption!) delete o.valueCoding!.extension;
    expect(convert(form([item('1', 'Mood'), item('2', 'Energy'), sleep]))).toEqual({
      ok: false,
      problems: [
        {
          path: 'questionnaire.item[3]',
          linkId: '3',
          text: 'Sleep',
          message:
            'Item 3 “Sleep” has answer options without a weight (“Never”, “Sometimes”, “Often”, “Always”); give each an ordinalValue or itemWeight extension.',
        },
      ],
    });
  });

  it('unsupported item types, each named', () => {
    const outcome = convert(
      form([
        item('1', 'Mood'),
        { linkId: 'notes', text: 'Anything else?', type: 'text' },
        { linkId: 'age', text: 'Age', type: 'integer' },
      ]),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.linkId, p.message])).toEqual([
      [
        'notes',
        expect.stringMatching(
          /^Item notes “Anything else\?” asks for a free-text answer, which cannot be scored/,
        ),
      ],
      ['age', expect.stringMatching(/^Item age “Age” asks for a number answer/)],
    ]);
  });

  it('conditional, multi-answer, value-set and tied-weight items', () => {
    const outcome = convert(
      form([
        {
          ...item('a', 'A'),
          enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }],
        },
        { ...item('b', 'B'), repeats: true },
        { linkId: 'c', text: 'C', type: 'choice', answerValueSet: 'http://loinc.org/vs/LL358-3' },
        item('d', 'D', [0, 1, 1, 2]),
      ]),
    );
    if (outcome.ok) throw new Error('should refuse');
    expect(outcome.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Item a “A” is only asked under a condition/),
      expect.stringMatching(/^Item b “B” allows several answers/),
      expect.stringMatching(/^Item c “C” does not list its answer options/),
      expect.stringMatching(/^Item d “D” gives two answer options the same weight/),
    ]);
  });

  it('an item on a different scale', () => {
    const outcome = convert(form([item('1', 'Mood'), item('2', 'Energy', [0, 2, 4, 6])]));
    expect(outcome).toMatchObject({
      ok: false,
      problems: [{ linkId: '2', message: expect.stringMatching(/differ from Item 1 “Mood”/) }],
    });
  });

  it('something that is not a Questionnaire, or has nothing to score', () => {
    expect(convert({ resourceType: 'Patient' })).toMatchObject({
      ok: false,
      problems: [{ path: 'questionnaire' }],
    });
    expect(convert('hello')).toMatchObject({ ok: false });
    expect(convert(form([]))).toMatchObject({
      ok: false,
      problems: [{ message: 'The Questionnaire has no questions to score.' }],
    });
    expect(
      convert({ ...form([item('1', 'Mood')]), title: undefined, name: undefined }),
    ).toMatchObject({ ok: false, problems: [{ path: 'questionnaire.title' }] });
  });

  it('bands, cut-off and reliable change outside the possible totals', () => {
    const q = form([item('1', 'Mood'), item('2', 'Energy')]); // totals 0–6
    const outcome = convert(q, {
      bands: [
        { label: 'Low', min: 0, max: 4 },
        { label: 'High', min: 3, max: 7 },
      ],
      direction: 'lower-is-better',
      clinicalCutoff: 9,
      reliableChange: 0,
    });
    if (outcome.ok) throw new Error('should refuse');
    expect(outcome.problems.map((p) => p.path)).toEqual([
      'bands[1].max',
      'bands[1].min',
      'clinicalCutoff',
      'reliableChange',
    ]);
    expect(
      convert(q, {
        ...SCORING,
        bands: [{ label: 'Low', min: 0, max: 6 }],
        clinicalCutoff: null,
        reliableChange: 2,
      }),
    ).toMatchObject({
      ok: false,
      problems: [{ path: 'clinicalCutoff' }],
    });
  });
});
