import { describe, expect, it } from 'vitest';
import { riskLanguageAlert } from './alert';
import { RISK_PHRASES_EN } from './phrases-en';
import { screenRiskLanguage } from './screen';

describe('risk-language screen', () => {
  it.each([
    'I want to die',
    'Some days I think about ending my life.',
    'i keep thinking i would be BETTER OFF DEAD',
    'I’ve been cutting myself again',
    'honestly? suicidal. again.',
    "I don't want to wake up tomorrow",
  ])('matches "%s" as urgent', (text) => {
    const result = screenRiskLanguage(text);
    expect(result.level).toBe('urgent');
    expect(result.listVersion).toBe(RISK_PHRASES_EN.version);
  });

  it.each([
    'Can we move Thursday to 4pm?',
    'The song about the skill myself thing was great', // "skill" is not "kill"
    'I killed it at the recital!',
    'I feel a bit flat but the breathing helped.',
    '',
  ])('does not match "%s"', (text) => {
    expect(screenRiskLanguage(text)).toMatchObject({ level: 'none', matches: [] });
  });

  it.each([
    "I'm not going to kill myself, I promise",
    'I would never hurt myself',
    'I won’t harm myself.',
    "I don't want to die, I just feel tired",
  ])('treats "%s" as negated (a warning, not urgent)', (text) => {
    const result = screenRiskLanguage(text);
    expect(result.level).toBe('negated-only');
    expect(result.matches.every((m) => m.negated)).toBe(true);
  });

  it('looks for a negation only in the same sentence and within the window', () => {
    // "not" ends the first sentence: the second is not negated.
    expect(screenRiskLanguage('I am not fine. I want to die.').level).toBe('urgent');
    // Four words between the negation and the phrase: outside the window of three.
    expect(screenRiskLanguage("I don't know why but I want to die").level).toBe('urgent');
  });

  it('is urgent when any occurrence is not negated', () => {
    const result = screenRiskLanguage("I won't hurt myself. But I might hurt myself tonight");
    expect(result.level).toBe('urgent');
    expect(result.matches).toEqual([{ phrase: 'hurt myself', negated: false }]);
  });

  it('takes another list (configurable, versioned)', () => {
    const list = { ...RISK_PHRASES_EN, version: 'test-1', phrases: ['give up'] };
    expect(screenRiskLanguage('I want to give up', list)).toMatchObject({
      level: 'urgent',
      listVersion: 'test-1',
    });
    expect(screenRiskLanguage('I want to die', list).level).toBe('none');
  });

  it('builds the alert with the matched phrase in its inputs', () => {
    const alert = riskLanguageAlert(screenRiskLanguage('Suicide keeps coming up. I want to die'));
    expect(alert).toMatchObject({
      rule: 'risk-language',
      severity: 'urgent',
      version: RISK_PHRASES_EN.version,
      inputs: { phrase: 'suicide', negated: false, phrases: ['suicide', 'want to die'] },
    });
    expect(riskLanguageAlert(screenRiskLanguage('I would never hurt myself'))).toMatchObject({
      severity: 'warning',
      inputs: { phrase: 'hurt myself', negated: true },
    });
    expect(riskLanguageAlert(screenRiskLanguage('See you Monday'))).toBeNull();
  });
});
