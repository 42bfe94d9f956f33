/**
 * A risk-language phrase list: transparent (plain phrases, shown in the docs), versioned (every
 * alert records the version that matched) and replaceable per language.
 */
export type RiskPhraseList = {
  /** BCP 47 language of the phrases, e.g. `en`. */
  language: string;
  /** Recorded with every match, so an alert says which list fired. */
  version: string;
  /** Lower-case phrases, matched on whole words. */
  phrases: readonly string[];
  /** Words that, shortly before a phrase, mark it as negated. */
  negations: readonly string[];
  /** How many words before a phrase are searched for a negation (same sentence only). */
  window: number;
};

export type RiskLanguageMatch = {
  phrase: string;
  /** A negation word stood within `window` words before the phrase in the same sentence. */
  negated: boolean;
};

/** What the screen found in one message. */
export type RiskLanguageResult = {
  listVersion: string;
  /** Every phrase found, first occurrence each, in the order they appear. */
  matches: RiskLanguageMatch[];
  /**
   * `urgent`: at least one phrase without a negation before it; `negated-only`: every phrase found
   * was negated; `none`: nothing found.
   */
  level: 'urgent' | 'negated-only' | 'none';
};

/**
 * What a practice changes in the risk-language screen (a setting, versioned per practice): per
 * language, phrases and negation words it adds, and for a language with a shipped list the shipped
 * phrases it switches off, each with the reason it gave. A language without a shipped list is
 * added by giving its phrases and negation words.
 */
export type PracticeRiskLanguage = {
  language: string;
  phrases: readonly string[];
  negations: readonly string[];
  switchedOff: readonly { phrase: string; reason: string }[];
};

export type PracticeRiskPhrases = {
  /** The practice's version: 1 for its first saved change, one more for each save after. */
  version: number;
  languages: readonly PracticeRiskLanguage[];
};
