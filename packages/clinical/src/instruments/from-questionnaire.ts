import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { checkImportedScoring, type ImportedScoring } from './imported-scoring';
import { type ReadOption, readOption } from './questionnaire-weights';
import type { AnswerOption, Band, InstrumentDefinition, Item } from './types';

export type { ImportedScoring } from './imported-scoring';

/** What cannot be imported, naming the item (its linkId and text) and what it lacks. */
export type ImportProblem = {
  /** Where in the upload or the import form, e.g. `questionnaire.item[2]` or `bands[1].max`. */
  path: string;
  linkId?: string;
  text?: string;
  message: string;
};

export type ImportOutcome =
  | { ok: true; definition: InstrumentDefinition }
  | { ok: false; problems: ImportProblem[] };

/** Where the definition will live: chosen by the practice's store, not by the upload. */
export type ImportTarget = { key: string; version: string; url: string };

const MAX_ITEMS = 100;
const MAX_OPTIONS = 20;

type Question = { item: QuestionnaireItem; path: string; options: ReadOption[] };

/**
 * A FHIR R4 `Questionnaire` as a practice instrument definition (docs/measures.md, "Custom
 * instruments"), in the same shape as the shipped ones so the same pure scoring, charting and
 * FHIR mapping apply. Scored as the sum of item weights (`ordinalValue`/`itemWeight`); bands,
 * cut-off and reliable change come from the import form, since a Questionnaire carries none.
 * Strict: anything that cannot be scored exactly is refused, naming the item and what it lacks.
 */
export function fromQuestionnaire(
  upload: unknown,
  scoring: ImportedScoring,
  target: ImportTarget,
): ImportOutcome {
  if (!isQuestionnaire(upload))
    return fail(
      'questionnaire',
      'The file is not a FHIR Questionnaire (resourceType must be "Questionnaire").',
    );
  const problems: ImportProblem[] = [];
  const title = (upload.title ?? upload.name ?? '').trim();
  if (!title)
    problems.push({
      path: 'questionnaire.title',
      message: 'The Questionnaire has no title or name.',
    });
  const questions = collectQuestions(upload.item ?? [], 'questionnaire.item', problems);
  if (problems.length === 0 && questions.length === 0)
    problems.push({
      path: 'questionnaire.item',
      message: 'The Questionnaire has no questions to score.',
    });
  if (questions.length > MAX_ITEMS)
    problems.push({
      path: 'questionnaire.item',
      message: `The Questionnaire has ${questions.length} questions; at most ${MAX_ITEMS} can be imported.`,
    });
  if (problems.length > 0) return { ok: false, problems };

  const scale = sharedScale(questions, problems);
  if (!scale) return { ok: false, problems };
  const values = scale.options.map((o) => o.value);
  const range = {
    min: Math.min(...values) * questions.length,
    max: Math.max(...values) * questions.length,
  };
  problems.push(...checkImportedScoring(scoring, range));
  if (problems.length > 0) return { ok: false, problems };

  const bands: Band[] = scoring.bands.map((b) => ({
    label: b.label.trim(),
    min: b.min,
    max: b.max,
  }));
  const cutoff = scoring.clinicalCutoff ?? null;
  const source = `Given by the practice when it imported ${title}`;
  const derivedFrom = upload.url
    ? `${upload.url}${upload.version ? `|${upload.version}` : ''}`
    : undefined;
  const definition: InstrumentDefinition = {
    key: target.key,
    title,
    version: target.version,
    validated: false,
    instructions: instructionsOf(upload),
    options: scale.options,
    items: scale.items,
    scoring: { rule: `Sum of the item weights in the imported form (${range.min}–${range.max})` },
    bands,
    flags: [],
    cutoff: cutoff === null ? null : { default: cutoff, source },
    caseness:
      cutoff === null
        ? null
        : scoring.direction === 'lower-is-better'
          ? { on: 'total', atLeast: cutoff, source }
          : { on: 'total', below: cutoff, source },
    reliableChange:
      scoring.reliableChange === undefined || scoring.reliableChange === null
        ? null
        : { value: scoring.reliableChange, on: 'total', source },
    direction: scoring.direction,
    license:
      scoring.license?.trim() || 'Imported by the practice, which is responsible for its licence.',
    attribution:
      upload.copyright?.trim() || upload.publisher?.trim() || 'Imported by the practice.',
    origin: {
      practice: true,
      url: target.url,
      ...(derivedFrom ? { derivedFrom } : {}),
      linkIds: questions.map((q) => q.item.linkId),
    },
  };
  return { ok: true, definition };
}

function fail(path: string, message: string): ImportOutcome {
  return { ok: false, problems: [{ path, message }] };
}

function isQuestionnaire(value: unknown): value is Questionnaire {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { resourceType?: unknown }).resourceType === 'Questionnaire'
  );
}

function instructionsOf(q: Questionnaire): string {
  const display = (q.item ?? []).find((i) => i.type === 'display' && i.text?.trim());
  return (q.description ?? display?.text ?? 'Please answer every question.').trim();
}

const named = (item: QuestionnaireItem): string =>
  item.text?.trim() ? `Item ${item.linkId} “${item.text.trim()}”` : `Item ${item.linkId}`;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a short text answer',
  text: 'a free-text answer',
  'open-choice': 'a choice with a free-text "other" answer',
  boolean: 'a yes/no answer without scores',
  decimal: 'a number answer',
  integer: 'a number answer',
  date: 'a date answer',
  dateTime: 'a date-and-time answer',
  time: 'a time answer',
  url: 'a web address answer',
  attachment: 'a file answer',
  reference: 'a reference answer',
  quantity: 'a quantity answer',
};

/** The scored questions in printed order (groups flattened, display items skipped). */
function collectQuestions(
  items: readonly QuestionnaireItem[],
  path: string,
  problems: ImportProblem[],
): Question[] {
  const found: Question[] = [];
  items.forEach((item, i) => {
    const at = `${path}[${i}]`;
    const who = { path: at, linkId: item.linkId, ...(item.text ? { text: item.text.trim() } : {}) };
    if (item.type === 'display') return;
    if (item.type === 'group') {
      found.push(...collectQuestions(item.item ?? [], `${at}.item`, problems));
      return;
    }
    if (item.type !== 'choice') {
      const words = TYPE_WORDS[item.type] ?? `an answer of type “${item.type}”`;
      problems.push({
        ...who,
        message: `${named(item)} asks for ${words}, which cannot be scored. Only choice questions with weighted answers can be imported.`,
      });
      return;
    }
    if (!item.text?.trim()) {
      problems.push({ ...who, message: `${named(item)} has no question text.` });
      return;
    }
    if (item.enableWhen?.length) {
      problems.push({
        ...who,
        message: `${named(item)} is only asked under a condition (enableWhen); a total over questions that may be skipped cannot be scored strictly.`,
      });
      return;
    }
    if (item.repeats) {
      problems.push({
        ...who,
        message: `${named(item)} allows several answers; only one answer per question can be scored.`,
      });
      return;
    }
    if (item.answerValueSet || !item.answerOption?.length) {
      problems.push({
        ...who,
        message: `${named(item)} does not list its answer options in the form (answerOption); answers from a value set carry no weights.`,
      });
      return;
    }
    const options = item.answerOption.map(readOption);
    if (options.length > MAX_OPTIONS) {
      problems.push({
        ...who,
        message: `${named(item)} has ${options.length} answer options; at most ${MAX_OPTIONS} can be imported.`,
      });
      return;
    }
    const unweighted = options.filter((o) => o.weight === null);
    if (unweighted.length > 0) {
      problems.push({
        ...who,
        message: `${named(item)} has answer options without a weight (${unweighted.map((o) => `“${o.label}”`).join(', ')}); give each an ordinalValue or itemWeight extension.`,
      });
      return;
    }
    if (options.some((o) => !Number.isInteger(o.weight))) {
      problems.push({
        ...who,
        message: `${named(item)} has a weight that is not a whole number; totals are whole numbers.`,
      });
      return;
    }
    if (options.some((o) => !o.label)) {
      problems.push({ ...who, message: `${named(item)} has an answer option with no wording.` });
      return;
    }
    const weights = options.map((o) => o.weight);
    if (new Set(weights).size !== weights.length) {
      problems.push({
        ...who,
        message: `${named(item)} gives two answer options the same weight; each answer must score differently so the answer can be recorded by its score.`,
      });
      return;
    }
    found.push({ item, path: at, options });
  });
  return found;
}

/**
 * Throughline records an answer as a number on one scale shared by every item (the shipped
 * definitions' shape). An item may score that scale mirrored (a positively worded item on a
 * problem scale, like CORE-10 items 2 and 3): it is imported as reverse-scored. Any other scale
 * is refused, naming the item.
 */
function sharedScale(
  questions: Question[],
  problems: ImportProblem[],
): { options: AnswerOption[]; items: Item[] } | null {
  const first = questions[0]!;
  const weightOf = new Map(first.options.map((o) => [o.label, o.weight!]));
  const values = [...weightOf.values()];
  const mirror = Math.max(...values) + Math.min(...values);
  const items: Item[] = [];
  questions.forEach((q, i) => {
    const same =
      q.options.length === first.options.length &&
      q.options.every((o) => weightOf.get(o.label) === o.weight);
    const reversed =
      !same &&
      q.options.length === first.options.length &&
      q.options.every((o) => weightOf.has(o.label) && mirror - weightOf.get(o.label)! === o.weight);
    if (!same && !reversed) {
      problems.push({
        path: q.path,
        linkId: q.item.linkId,
        ...(q.item.text ? { text: q.item.text.trim() } : {}),
        message: `${named(q.item)} has answer options or weights that differ from ${named(first.item)}; every question must share one answer scale (or score it in reverse).`,
      });
      return;
    }
    items.push({
      number: i + 1,
      text: q.item.text!.trim(),
      ...(reversed ? { reverseScored: true } : {}),
    });
  });
  if (problems.length > 0) return null;
  const options = first.options.map((o) => ({
    value: o.weight!,
    label: o.label,
    // A code without its system would be read as LOINC on export: keep the pair or neither.
    ...(o.code && o.system ? { code: o.code, system: o.system } : {}),
  }));
  return { options, items };
}
