import {
  fromQuestionnaire,
  type ImportedScoring,
  type InstrumentDefinition,
  practiceQuestionnaireUrl,
} from '@throughline/clinical';
import type * as Contract from '@throughline/contracts';
import { type AccessContext, perform } from '../access';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { insertVersion, listVersions } from './repository';
import { toPracticeInstrument } from './views';

export type ImportInstrumentInput = ImportedScoring & { questionnaire: unknown };

const MAX_KEY = 64;

/** The key a practice instrument is stored under: `custom-` + its title, so it never clashes with a shipped key. */
export function keyFor(questionnaire: unknown): string {
  const q = (questionnaire ?? {}) as { title?: unknown; name?: unknown };
  const name = typeof q.title === 'string' ? q.title : typeof q.name === 'string' ? q.name : '';
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_KEY - 'custom-'.length)
    .replace(/-+$/, '');
  return `custom-${slug || 'questionnaire'}`;
}

/** Converts, or refuses naming each item and what it lacks (400, nothing stored). */
async function convert(
  tx: Executor,
  practiceId: string,
  input: ImportInstrumentInput,
): Promise<{ definition: InstrumentDefinition; version: number }> {
  const key = keyFor(input.questionnaire);
  const [latest] = await listVersions(tx, practiceId, key);
  const version = (latest?.version ?? 0) + 1;
  const outcome = fromQuestionnaire(input.questionnaire, input, {
    key,
    version: String(version),
    url: practiceQuestionnaireUrl(practiceId, key),
  });
  if (!outcome.ok) {
    const issues = outcome.problems.map((p) => ({ path: p.path, message: p.message }));
    const more =
      issues.length > 1
        ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
        : '';
    throw new AppError(
      'VALIDATION_FAILED',
      `This questionnaire cannot be imported: ${issues[0]?.message ?? 'it cannot be scored.'}${more}`,
      issues,
    );
  }
  return { definition: outcome.definition, version };
}

/** What the import would store: the items and scoring, for the admin to check. Nothing is stored. */
export async function previewInstrument(
  ctx: AccessContext,
  input: ImportInstrumentInput,
): Promise<Contract.PracticeInstrument> {
  return perform(
    ctx,
    'practice-instrument.preview',
    { resourceType: 'practice-instrument', what: 'instrument' },
    async (tx, step) => {
      const { definition } = await convert(tx, step.actor.practiceId, input);
      step.audit({ detail: { items: definition.items.length } });
      return toPracticeInstrument(definition);
    },
  );
}

/**
 * Imports a FHIR Questionnaire as a practice instrument (practice administrators). Re-importing a
 * form with the same title adds a version; responses keep the version that scored them. All or
 * nothing: a refusal stores nothing.
 */
export async function importInstrument(
  ctx: AccessContext,
  input: ImportInstrumentInput,
): Promise<Contract.PracticeInstrument> {
  return perform(
    ctx,
    'practice-instrument.import',
    { resourceType: 'practice-instrument', what: 'instrument' },
    async (tx, step) => {
      const { practiceId, userId } = step.actor;
      const { definition, version } = await convert(tx, practiceId, input);
      const row = await insertVersion(tx, {
        practiceId,
        key: definition.key,
        version,
        definition,
        createdBy: userId,
      });
      step.audit({
        resourceId: row.id,
        detail: { key: definition.key, version, items: definition.items.length },
      });
      return toPracticeInstrument(definition, row);
    },
  );
}
