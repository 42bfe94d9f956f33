import { RISK_PHRASES_EN } from './phrases-en';
import type { RiskLanguageMatch, RiskLanguageResult, RiskPhraseList } from './types';

/** Lower case, typographic apostrophes as ', everything but letters, digits, ' and - as a break. */
function words(sentence: string): string[] {
  return sentence
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 0);
}

/** A phrase as the screen compares it: its words, lower case, one space apart. */
export function phraseKey(phrase: string): string {
  return words(phrase).join(' ');
}

function sentences(text: string): string[] {
  return text.split(/[.!?;:\n]+/);
}

function findAt(tokens: readonly string[], phrase: readonly string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((p, j) => tokens[i + j] === p)) at.push(i);
  }
  return at;
}

/**
 * Screens a client's message for risk language (issue 10). A phrase matches on whole words,
 * ignoring case and punctuation ("Kill myself." matches "kill myself"; "skill myself" does not).
 *
 * Negation, kept simple on purpose: a phrase is *negated* when one of the list's negation words
 * stands within `window` words before it in the same sentence ("I'm not going to kill myself",
 * "I would never hurt myself"). A negated phrase does not raise the urgent alert or show crisis
 * resources, but it is not dropped either: the result says `negated-only`, and the caller records
 * a warning for the therapist, because word-distance negation is crude ("I never said I don't
 * want to die" reads as negated) and a missed risk costs more than a second look. One phrase
 * without a negation anywhere in the message makes the whole message `urgent`.
 */
export function screenRiskLanguage(
  text: string,
  list: RiskPhraseList = RISK_PHRASES_EN,
): RiskLanguageResult {
  const negations = new Set(list.negations);
  const found = new Map<string, { at: number; negated: boolean }>();
  let offset = 0;
  for (const sentence of sentences(text)) {
    const tokens = words(sentence);
    for (const phrase of list.phrases) {
      const phraseTokens = words(phrase);
      if (phraseTokens.length === 0) continue;
      for (const i of findAt(tokens, phraseTokens)) {
        const before = tokens.slice(Math.max(0, i - list.window), i);
        const negated = before.some((w) => negations.has(w));
        const seen = found.get(phrase);
        // Keep the first occurrence, but an un-negated occurrence anywhere wins.
        if (!seen) found.set(phrase, { at: offset + i, negated });
        else if (seen.negated && !negated) seen.negated = false;
      }
    }
    offset += tokens.length;
  }
  const matches: RiskLanguageMatch[] = [...found.entries()]
    .sort((a, b) => a[1].at - b[1].at)
    .map(([phrase, m]) => ({ phrase, negated: m.negated }));
  const level =
    matches.length === 0 ? 'none' : matches.some((m) => !m.negated) ? 'urgent' : 'negated-only';
  return { listVersion: list.version, matches, level };
}
