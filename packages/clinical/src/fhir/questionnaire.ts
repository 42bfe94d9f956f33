import type { Coding, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { InstrumentDefinition } from '../instruments/types';
import { answerCoding, definitionUrl, LOINC, linkId } from './codes';

/**
 * An instrument definition as a FHIR R4 `Questionnaire` (CLINICAL.md §1, §5). Pure: the same
 * definition always gives the same resource, so it can be published or compared by version.
 */
export function toQuestionnaire(definition: InstrumentDefinition): Questionnaire {
  const code = panelCodes(definition, definition.title);
  const items: QuestionnaireItem[] = definition.items.map((item) => ({
    linkId: linkId(item, definition),
    ...(item.loinc ? { code: [{ system: LOINC, code: item.loinc, display: item.text }] } : {}),
    prefix: `${item.number}.`,
    text: item.text,
    type: 'choice',
    // Strict validation: an unanswered item is an error, never prorated (CLINICAL.md §1).
    required: true,
    answerOption: definition.options.map((option) => ({
      valueCoding: answerCoding(definition, item, option),
    })),
  }));
  return {
    resourceType: 'Questionnaire',
    id: definition.key,
    url: definitionUrl(definition),
    ...(definition.origin?.derivedFrom ? { derivedFrom: [definition.origin.derivedFrom] } : {}),
    version: definition.version,
    title: definition.title,
    status: 'active',
    subjectType: ['Patient'],
    description: definition.instructions,
    // The attribution the licence asks to be kept, then the licence terms (CLINICAL.md §1).
    copyright: `${definition.attribution}\n\n${definition.license}`,
    ...(code.length > 0 ? { code } : {}),
    item: [{ linkId: 'instructions', text: definition.instructions, type: 'display' }, ...items],
  };
}

/** Panel codes the definition carries (LOINC where §5 gives one; WHO-5 carries SNOMED CT). */
function panelCodes(definition: InstrumentDefinition, display: string): Coding[] {
  return (definition.codes ?? []).flatMap((c) =>
    c.panel ? [{ system: c.system, code: c.panel, display }] : [],
  );
}
