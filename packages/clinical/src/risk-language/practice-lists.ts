import { RISK_PHRASES_EN } from './phrases-en';
import { phraseKey, screenRiskLanguage } from './screen';
import type {
  PracticeRiskLanguage,
  PracticeRiskPhrases,
  RiskLanguageResult,
  RiskPhraseList,
} from './types';

/** The lists Throughline ships (English only, for now). */
export const SHIPPED_RISK_LISTS: readonly RiskPhraseList[] = [RISK_PHRASES_EN];

/** The window of a language the practice adds: the same three words as the shipped list. */
const ADDED_LANGUAGE_WINDOW = 3;

/**
 * The lists a practice screens with: each shipped list with the practice's additions (its own
 * phrases and negation words added, the phrases it switched off left out), then each language the
 * practice added. A changed list says so in its version — `en-1+practice-3` is the shipped `en-1`
 * as the practice's version 3 changes it; `es-practice-3` is a language the practice added — so
 * an alert names exactly the list that fired. Without practice changes: the shipped lists as they
 * are.
 */
export function mergeRiskPhraseLists(
  practice: PracticeRiskPhrases | null,
  shipped: readonly RiskPhraseList[] = SHIPPED_RISK_LISTS,
): RiskPhraseList[] {
  const own = new Map((practice?.languages ?? []).map((l) => [l.language, l]));
  const v = practice?.version ?? 0;
  const merged: RiskPhraseList[] = shipped.map((list) => {
    const change = own.get(list.language);
    if (!change) return list;
    const off = new Set(change.switchedOff.map((s) => phraseKey(s.phrase)));
    return {
      ...list,
      version: `${list.version}+practice-${v}`,
      phrases: [...list.phrases.filter((p) => !off.has(phraseKey(p))), ...change.phrases],
      negations: [...list.negations, ...change.negations],
    };
  });
  const shippedLanguages = new Set(shipped.map((l) => l.language));
  for (const change of practice?.languages ?? []) {
    if (shippedLanguages.has(change.language)) continue;
    merged.push({
      language: change.language,
      version: `${change.language}-practice-${v}`,
      phrases: change.phrases,
      negations: change.negations,
      window: ADDED_LANGUAGE_WINDOW,
    });
  }
  return merged;
}

/**
 * Screens a message with every list of the practice (a client may write in any of its
 * languages): the first list with an un-negated phrase decides, else the first with a negated
 * one. The result names that list's version.
 */
export function screenRiskLanguageLists(
  text: string,
  lists: readonly RiskPhraseList[],
): RiskLanguageResult {
  const results = lists.map((list) => screenRiskLanguage(text, list));
  return (
    results.find((r) => r.level === 'urgent') ??
    results.find((r) => r.level === 'negated-only') ??
    results[0] ?? { listVersion: 'none', matches: [], level: 'none' }
  );
}

export type PhraseListIssue = { path: string; message: string };

function checkLanguage(
  change: PracticeRiskLanguage,
  at: string,
  shippedList: RiskPhraseList | undefined,
): PhraseListIssue[] {
  const issues: PhraseListIssue[] = [];
  const shippedKeys = new Set(shippedList?.phrases.map(phraseKey) ?? []);
  const seen = new Set<string>();
  change.phrases.forEach((phrase, j) => {
    const key = phraseKey(phrase);
    const path = `${at}.phrases.${j}`;
    if (!key) issues.push({ path, message: `"${phrase}" has no letters or digits to match.` });
    else if (shippedKeys.has(key))
      issues.push({
        path,
        message: `"${phrase}" is already on the shipped list ${shippedList?.version}.`,
      });
    else if (seen.has(key))
      issues.push({ path, message: `"${phrase}" is listed twice; keep one.` });
    seen.add(key);
  });
  const negations = new Set<string>(shippedList?.negations ?? []);
  change.negations.forEach((word, j) => {
    const path = `${at}.negations.${j}`;
    const key = phraseKey(word);
    if (key.split(' ').length !== 1 || !key)
      issues.push({ path, message: `A negation is one word (like "never"); "${word}" is not.` });
    else if (negations.has(key))
      issues.push({ path, message: `"${word}" is already a negation word of this list.` });
    negations.add(key);
  });
  const off = new Set<string>();
  change.switchedOff.forEach((s, j) => {
    const path = `${at}.switchedOff.${j}.phrase`;
    const key = phraseKey(s.phrase);
    if (!shippedList)
      issues.push({
        path,
        message: `Only a shipped phrase can be switched off, and there is no shipped list for "${change.language}": leave the phrase out of your own list instead.`,
      });
    else if (!shippedKeys.has(key))
      issues.push({
        path,
        message: `"${s.phrase}" is not on the shipped list ${shippedList.version}.`,
      });
    else if (off.has(key)) issues.push({ path, message: `"${s.phrase}" is switched off twice.` });
    off.add(key);
  });
  if (!shippedList && change.phrases.length === 0)
    issues.push({
      path: `${at}.phrases`,
      message: `A list for "${change.language}" needs at least one phrase.`,
    });
  return issues;
}

/**
 * What is wrong with a practice's change of the lists, in words an administrator can act on: a
 * phrase with nothing to match, one listed twice or already shipped, a negation that is not one
 * word, a switched-off phrase that is not shipped, a language listed twice. Empty when it is fine.
 * The shape (lengths, counts) is checked by the contract before this.
 */
export function checkPracticeRiskPhrases(
  languages: readonly PracticeRiskLanguage[],
  shipped: readonly RiskPhraseList[] = SHIPPED_RISK_LISTS,
): PhraseListIssue[] {
  const issues: PhraseListIssue[] = [];
  const seen = new Set<string>();
  languages.forEach((change, i) => {
    const at = `languages.${i}`;
    if (seen.has(change.language)) {
      issues.push({
        path: `${at}.language`,
        message: `The language "${change.language}" is listed twice; put its phrases in one list.`,
      });
    }
    seen.add(change.language);
    const shippedList = shipped.find((l) => l.language === change.language);
    issues.push(...checkLanguage(change, at, shippedList));
  });
  return issues;
}
