import { describe, expect, it } from 'vitest';
import { defaultPaper, outcomeWords } from './ending-summary';

describe('the ending summary', () => {
  it('prints on Letter in North America and on A4 in Europe and South America', () => {
    expect(defaultPaper('America/New_York')).toBe('letter');
    expect(defaultPaper('America/Toronto')).toBe('letter');
    expect(defaultPaper('Europe/London')).toBe('a4');
    expect(defaultPaper('America/Sao_Paulo')).toBe('a4');
    expect(defaultPaper('America/Argentina/Buenos_Aires')).toBe('a4');
    expect(defaultPaper('UTC')).toBe('a4');
  });

  it('says the outcome in words, provisional while the episode is open', () => {
    const base = {
      eligible: true,
      provisional: false,
      recovered: true,
      reliableImprovement: true,
      reliableDeterioration: false,
      reliableRecovery: true,
    };
    expect(outcomeWords(base)).toBe('Recovered, with a reliable improvement.');
    expect(outcomeWords({ ...base, provisional: true })).toContain('provisional');
    expect(
      outcomeWords({
        ...base,
        recovered: false,
        reliableRecovery: false,
        reliableImprovement: false,
      }),
    ).toBe('No reliable change.');
    expect(outcomeWords({ ...base, eligible: false })).toMatch(/^Not enough sessions/);
  });
});
