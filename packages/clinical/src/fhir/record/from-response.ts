import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { findInstrument } from '../../instruments';
import type { InstrumentDefinition } from '../../instruments/types';
import { LOINC, linkId, questionnaireUrl } from '../codes';

export type ReadResponse =
  | { ok: true; definition: InstrumentDefinition; answers: (number | null)[] }
  | { ok: false; field: string; message: string };

/**
 * The answers of a QuestionnaireResponse of one of the shipped instruments, in item order (the
 * array the scorer takes), read back from each item's coding: the LOINC answer code, or the
 * project answer system's value. An item left out is `null`, so the scorer names it.
 */
export function fromQuestionnaireResponse(response: QuestionnaireResponse): ReadResponse {
  const [url, version] = (response.questionnaire ?? '').split('|');
  const key = url?.startsWith(questionnaireUrl('')) ? url.slice(questionnaireUrl('').length) : '';
  const definition = findInstrument(key);
  if (!definition)
    return {
      ok: false,
      field: 'questionnaire',
      message: `"${response.questionnaire ?? ''}" is not an instrument this installation scores.`,
    };
  if (version && version !== definition.version)
    return {
      ok: false,
      field: 'questionnaire',
      message: `Version ${version} of ${definition.key} is not the version this installation scores (${definition.version}).`,
    };
  const items = response.item ?? [];
  const answers = definition.items.map((item) => {
    const coding = items.find((i) => i.linkId === linkId(item))?.answer?.[0]?.valueCoding;
    if (!coding?.code) return null;
    const option =
      coding.system === LOINC
        ? definition.options.find((o) => o.code === coding.code)
        : definition.options.find((o) => String(o.value) === coding.code);
    return option ? option.value : null;
  });
  return { ok: true, definition, answers };
}
