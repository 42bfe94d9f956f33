import { describe, expect, it } from 'vitest';
import { fromDraft, languageName, lines, toDraft } from './risk-phrases-words';

describe('the phrase-list form words', () => {
  it('reads one phrase a line, dropping blank lines', () => {
    expect(lines(' walk into the sea \n\n  \nquiero morir')).toEqual([
      'walk into the sea',
      'quiero morir',
    ]);
  });

  it('turns a saved language into the form and back', () => {
    const saved = {
      language: 'en',
      phrases: ['walk into the sea', 'disappear for good'],
      negations: ['nah'],
      switchedOff: [{ phrase: 'overdose', reason: 'Asthma clinic' }],
    };
    expect(fromDraft(toDraft(saved))).toEqual(saved);
  });

  it('names a language in words', () => {
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('not a code!')).toBe('not a code!');
  });
});
