import { z } from 'zod';

/**
 * The risk-language phrase lists as a practice sets them (issue 10): additions to the shipped
 * lists (phrases, negation words, shipped phrases switched off with a reason) and lists for other
 * languages. Every save is a new version of the practice's lists. The clinical rules (duplicates,
 * phrases already shipped) live in `@throughline/clinical` (`checkPracticeRiskPhrases`).
 */

export const RISK_PHRASE_MAX = 80;
export const RISK_PHRASES_PER_LANGUAGE = 200;
export const RISK_LANGUAGES_MAX = 10;

const phrase = z
  .string()
  .trim()
  .min(1, 'A phrase cannot be empty: write the words to look for, or remove the line.')
  .max(RISK_PHRASE_MAX, `A phrase is at most ${RISK_PHRASE_MAX} characters; shorten it.`)
  .transform((s) => s.toLowerCase());

export const practiceRiskLanguageSchema = z.strictObject({
  language: z
    .string()
    .trim()
    .regex(
      /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/,
      'Give the language as a code such as "en", "es" or "pt-BR".',
    )
    .describe('BCP 47 language of the phrases, e.g. `en`, `es`'),
  phrases: z.array(phrase).max(RISK_PHRASES_PER_LANGUAGE).default([]),
  negations: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'A negation word cannot be empty.')
        .max(30, 'A negation word is at most 30 characters.')
        .transform((s) => s.toLowerCase()),
    )
    .max(50)
    .default([]),
  switchedOff: z
    .array(
      z.strictObject({
        phrase,
        reason: z
          .string()
          .trim()
          .min(1, 'Say why the phrase is switched off: the reason is kept with the list.')
          .max(500, 'A reason is at most 500 characters.'),
      }),
    )
    .max(RISK_PHRASES_PER_LANGUAGE)
    .default([]),
});
export type PracticeRiskLanguageInput = z.output<typeof practiceRiskLanguageSchema>;

export const saveRiskPhrasesRequest = z.strictObject({
  basedOnVersion: z
    .number()
    .int()
    .min(0)
    .describe('The version the change was made from (0: none saved yet); a newer one is a 409'),
  languages: z.array(practiceRiskLanguageSchema).max(RISK_LANGUAGES_MAX),
});
export type SaveRiskPhrasesInput = z.output<typeof saveRiskPhrasesRequest>;

export const riskPhraseListSchema = z.object({
  language: z.string(),
  version: z.string(),
  phrases: z.array(z.string()),
  negations: z.array(z.string()),
  window: z.number().int(),
});

export const riskPhrasesSchema = z.object({
  version: z.number().int().describe("The practice's version; 0 while it uses the shipped lists"),
  savedAt: z.date().nullable(),
  savedBy: z.string().nullable().describe('Who saved this version'),
  languages: z.array(
    z.object({
      language: z.string(),
      phrases: z.array(z.string()),
      negations: z.array(z.string()),
      switchedOff: z.array(z.object({ phrase: z.string(), reason: z.string() })),
    }),
  ),
  shipped: z.array(riskPhraseListSchema).describe('The lists Throughline ships'),
  lists: z.array(riskPhraseListSchema).describe('The lists the screen uses, as merged'),
});
export type RiskPhrases = z.output<typeof riskPhrasesSchema>;
