import { describe, expect, it } from 'vitest';
import { agreementLines, checkInsText, dayText } from './ending-plan-words';

describe('ending plan words', () => {
  it('says a calendar day without moving it to another day', () => {
    expect(dayText('2026-12-15', 'en-GB')).toBe('Tue, 15 Dec 2026');
  });

  it('says the check-ins as a list in months', () => {
    expect(checkInsText([6, 1, 3], 'en')).toBe('Check-ins 1, 3, and 6 months after the ending.');
    expect(checkInsText([1], 'en')).toBe('Check-ins 1 month after the ending.');
    expect(checkInsText([])).toBe('No check-ins after the ending.');
  });

  it('says who proposed and who agreed, from the reader’s side', () => {
    const version = {
      version: 2,
      proposedBy: 'client' as const,
      state: 'proposed' as const,
      parties: [
        {
          party: 'client' as const,
          response: 'accepted' as const,
          respondedAt: '2026-10-01T12:00:00.000Z',
        },
        { party: 'therapist' as const, response: 'pending' as const, respondedAt: null },
      ],
    };
    const lines = agreementLines(version, 'therapist', 'Jo', 'UTC');
    expect(lines[0]).toBe('Version 2:');
    expect(lines[1]).toMatch(/^Jo proposed and agreed on /);
    expect(lines[2]).toBe('You have not agreed yet.');
    expect(agreementLines(version, 'client', 'Jo', 'UTC')[2]).toBe(
      'Your therapist has not agreed yet.',
    );
  });
});
