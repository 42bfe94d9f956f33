import type { PracticeRiskLanguageInput } from '@throughline/contracts';

/** One language as the form edits it: the lists as text, one phrase or word a line. */
export type LanguageDraft = {
  language: string;
  phrases: string;
  negations: string;
  switchedOff: { phrase: string; reason: string }[];
};

/** The lines of a text box, trimmed, blank lines left out. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export function toDraft(l: PracticeRiskLanguageInput): LanguageDraft {
  return {
    language: l.language,
    phrases: l.phrases.join('\n'),
    negations: l.negations.join('\n'),
    switchedOff: l.switchedOff.map((s) => ({ ...s })),
  };
}

export function fromDraft(d: LanguageDraft): PracticeRiskLanguageInput {
  return {
    language: d.language.trim(),
    phrases: lines(d.phrases),
    negations: lines(d.negations),
    switchedOff: d.switchedOff.map((s) => ({ phrase: s.phrase, reason: s.reason.trim() })),
  };
}

/** "English", "Spanish" … for a language code; the code itself when the browser does not know it. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}
