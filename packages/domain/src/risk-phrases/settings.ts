import {
  checkPracticeRiskPhrases,
  mergeRiskPhraseLists,
  type PracticeRiskPhrases,
  type RiskPhraseList,
  SHIPPED_RISK_LISTS,
} from '@throughline/clinical';
import type { RiskPhrases, SaveRiskPhrasesInput } from '@throughline/contracts';
import { type AccessContext, perform } from '../access';
import { findDisplayNames } from '../identity';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import {
  insertRiskPhraseList,
  latestRiskPhraseList,
  lockRiskPhraseLists,
  type RiskPhraseListRow,
} from './repository';

const target = { resourceType: 'risk-phrase-list', what: 'risk-language phrase list' };

function asPractice(row: RiskPhraseListRow | undefined): PracticeRiskPhrases | null {
  return row ? { version: row.version, languages: row.languages } : null;
}

const plain = (l: RiskPhraseList) => ({
  ...l,
  phrases: [...l.phrases],
  negations: [...l.negations],
});

async function view(db: Executor, practiceId: string, row: RiskPhraseListRow | undefined) {
  const names = row ? await findDisplayNames(db, practiceId, [row.savedBy]) : new Map();
  return {
    version: row?.version ?? 0,
    savedAt: row?.savedAt ?? null,
    savedBy: row ? (names.get(row.savedBy) ?? null) : null,
    languages: (row?.languages ?? []).map((l) => ({
      language: l.language,
      phrases: [...l.phrases],
      negations: [...l.negations],
      switchedOff: l.switchedOff.map((s) => ({ ...s })),
    })),
    shipped: SHIPPED_RISK_LISTS.map(plain),
    lists: mergeRiskPhraseLists(asPractice(row)).map(plain),
  } satisfies RiskPhrases;
}

/**
 * The lists the risk-language screen uses for this practice's client messages: the shipped lists
 * with the practice's newest saved change merged in (packages/clinical `mergeRiskPhraseLists`).
 */
export async function readPracticeRiskLists(
  db: Executor,
  practiceId: string,
): Promise<RiskPhraseList[]> {
  return mergeRiskPhraseLists(asPractice(await latestRiskPhraseList(db, practiceId)));
}

/** The practice's lists: what it changed, what ships, and what the screen uses. */
export async function getRiskPhrases(ctx: AccessContext): Promise<RiskPhrases> {
  return perform(ctx, 'risk-phrases.read', target, async (tx, { actor }) =>
    view(tx, actor.practiceId, await latestRiskPhraseList(tx, actor.practiceId)),
  );
}

/**
 * An administrator saves the practice's change of the lists: a new version, the whole change
 * (not a difference), made from `basedOnVersion` — if someone saved since, 409 and nothing is
 * stored. A phrase already on the list, listed twice or with nothing to match is a 400 naming it.
 */
export async function saveRiskPhrases(
  ctx: AccessContext,
  input: SaveRiskPhrasesInput,
): Promise<RiskPhrases> {
  return perform(ctx, 'risk-phrases.update', target, async (tx, step) => {
    const issues = checkPracticeRiskPhrases(input.languages);
    if (issues.length > 0) {
      const first = issues[0]?.message ?? '';
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
      throw new AppError('VALIDATION_FAILED', `${first}${more}`, issues);
    }
    const { practiceId, userId } = step.actor;
    await lockRiskPhraseLists(tx, practiceId);
    const current = await latestRiskPhraseList(tx, practiceId);
    const currentVersion = current?.version ?? 0;
    if (input.basedOnVersion !== currentVersion) {
      throw new AppError(
        'CONFLICT',
        `The phrase lists were changed (version ${currentVersion}) since you opened them (version ${input.basedOnVersion}). Reload and make your change again.`,
      );
    }
    const row: RiskPhraseListRow = {
      practiceId,
      version: currentVersion + 1,
      languages: input.languages,
      savedBy: userId,
      savedAt: ctx.services.now(),
    };
    await insertRiskPhraseList(tx, row);
    step.audit({
      resourceId: null,
      detail: {
        version: row.version,
        languages: input.languages.map((l) => l.language).join(','),
        phrases: input.languages.reduce((n, l) => n + l.phrases.length, 0),
        switchedOff: input.languages.reduce((n, l) => n + l.switchedOff.length, 0),
      },
    });
    return view(tx, practiceId, row);
  });
}
