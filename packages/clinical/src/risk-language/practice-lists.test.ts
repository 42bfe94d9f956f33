import { describe, expect, it } from 'vitest';
import { riskLanguageAlert } from './alert';
import { RISK_PHRASES_EN } from './phrases-en';
import {
  checkPracticeRiskPhrases,
  mergeRiskPhraseLists,
  screenRiskLanguageLists,
} from './practice-lists';
import type { PracticeRiskLanguage, PracticeRiskPhrases } from './types';

const en = (change: Partial<PracticeRiskLanguage>): PracticeRiskLanguage => ({
  language: 'en',
  phrases: [],
  negations: [],
  switchedOff: [],
  ...change,
});

const practice: PracticeRiskPhrases = {
  version: 3,
  languages: [
    en({
      phrases: ['walk into the sea'],
      negations: ['nah'],
      switchedOff: [
        { phrase: 'overdose', reason: 'Clients on the diabetes ward use it of insulin.' },
      ],
    }),
    {
      language: 'es',
      phrases: ['quiero morir', 'quitarme la vida'],
      negations: ['no', 'nunca'],
      switchedOff: [],
    },
  ],
};

describe("a practice's risk-language lists", () => {
  it('are the shipped lists unchanged when the practice has changed nothing', () => {
    expect(mergeRiskPhraseLists(null)).toEqual([RISK_PHRASES_EN]);
  });

  it("merge the practice's phrases, negations and switched-off phrases, with a version of their own", () => {
    const [merged, spanish] = mergeRiskPhraseLists(practice);
    expect(merged?.version).toBe('en-1+practice-3');
    expect(merged?.phrases).toContain('walk into the sea');
    expect(merged?.phrases).toContain('kill myself');
    expect(merged?.phrases).not.toContain('overdose');
    expect(merged?.negations).toEqual([...RISK_PHRASES_EN.negations, 'nah']);
    expect(spanish).toMatchObject({ language: 'es', version: 'es-practice-3', window: 3 });
  });

  it('raise an urgent match on an added phrase, naming the merged list', () => {
    const lists = mergeRiskPhraseLists(practice);
    const result = screenRiskLanguageLists('Some nights I want to walk into the sea.', lists);
    expect(result).toMatchObject({ level: 'urgent', listVersion: 'en-1+practice-3' });
    expect(riskLanguageAlert(result)?.inputs).toMatchObject({
      phrase: 'walk into the sea',
      list: 'en-1+practice-3',
    });
    // The shipped list alone does not know the phrase; a switched-off phrase no longer matches.
    expect(screenRiskLanguageLists('walk into the sea', [RISK_PHRASES_EN]).level).toBe('none');
    expect(screenRiskLanguageLists('I took an overdose of sugar', lists).level).toBe('none');
  });

  it("apply negation to added phrases, with the practice's own negation words", () => {
    const lists = mergeRiskPhraseLists(practice);
    expect(screenRiskLanguageLists("I'd never walk into the sea", lists).level).toBe(
      'negated-only',
    );
    expect(screenRiskLanguageLists('nah walk into the sea', lists).level).toBe('negated-only');
    // Outside the window of three words: not negated.
    expect(screenRiskLanguageLists('nah I think I will walk into the sea', lists).level).toBe(
      'urgent',
    );
  });

  it('screen an added language with its own negation words', () => {
    const lists = mergeRiskPhraseLists(practice);
    expect(screenRiskLanguageLists('A veces quiero morir.', lists)).toMatchObject({
      level: 'urgent',
      listVersion: 'es-practice-3',
      matches: [{ phrase: 'quiero morir', negated: false }],
    });
    expect(screenRiskLanguageLists('No quiero morir, solo estoy cansada', lists).level).toBe(
      'negated-only',
    );
    // An urgent match in one list wins over a negated one in another.
    const both = screenRiskLanguageLists("I won't hurt myself. Quiero morir.", lists);
    expect(both).toMatchObject({ level: 'urgent', listVersion: 'es-practice-3' });
  });

  it('name what is wrong with a change, in words an administrator can act on', () => {
    expect(checkPracticeRiskPhrases(practice.languages)).toEqual([]);
    const issues = checkPracticeRiskPhrases([
      en({
        phrases: ['Kill  Myself!', 'walk into the sea', 'Walk into the sea', '—'],
        negations: ['not really', 'never'],
        switchedOff: [{ phrase: 'swimming', reason: 'noisy' }],
      }),
      en({}),
      { language: 'de', phrases: [], negations: [], switchedOff: [{ phrase: 'x', reason: 'y' }] },
    ]);
    expect(issues.map((i) => i.path)).toEqual([
      'languages.0.phrases.0',
      'languages.0.phrases.2',
      'languages.0.phrases.3',
      'languages.0.negations.0',
      'languages.0.negations.1',
      'languages.0.switchedOff.0.phrase',
      'languages.1.language',
      'languages.2.switchedOff.0.phrase',
      'languages.2.phrases',
    ]);
    expect(issues[0]?.message).toMatch(/already on the shipped list en-1/);
    expect(issues[1]?.message).toMatch(/listed twice/);
    expect(issues[2]?.message).toMatch(/no letters or digits/);
    expect(issues[3]?.message).toMatch(/one word/);
    expect(issues[5]?.message).toMatch(/not on the shipped list/);
    expect(issues[8]?.message).toMatch(/at least one phrase/);
  });
});
