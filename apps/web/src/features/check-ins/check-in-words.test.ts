import { CHECK_IN_STATUSES } from '@throughline/contracts';
import { describe, expect, it } from 'vitest';
import {
  aftercareReasonWords,
  checkInName,
  checkInStatusWords,
  dueFirst,
  formatDueDay,
  portalCheckInStatusWords,
} from './check-in-words';

describe('check-in words', () => {
  it('every status has plain words for both sides, never the enum name', () => {
    for (const status of CHECK_IN_STATUSES) {
      for (const words of [checkInStatusWords[status], portalCheckInStatusWords[status]]) {
        expect(words).toMatch(/^[A-Z]/);
        expect(words).not.toBe(status);
      }
    }
    expect(checkInStatusWords.unanswered).toBe('Not answered (reminded once, then left)');
    expect(portalCheckInStatusWords.reminded).toBe('Ready for you');
  });

  it('names the reasons in plain words', () => {
    expect(aftercareReasonWords).toEqual({
      deterioration: 'Scores worse than at the ending',
      risk: 'Possible risk',
      reconnect: 'Would like to talk again',
    });
    expect(checkInName(3)).toBe('3-month check-in');
    // The client's calendar day, never shifted by the viewer's zone or shown as an ISO string.
    expect(formatDueDay('2026-01-05')).toMatch(/5/);
    expect(formatDueDay('2026-01-05')).not.toContain('2026-01-05');
  });

  it('puts open check-ins first, then by due day', () => {
    const items = [
      { id: 'a', status: 'scheduled' as const, dueOn: '2026-01-01' },
      { id: 'b', status: 'reminded' as const, dueOn: '2026-03-01' },
      { id: 'c', status: 'invited' as const, dueOn: '2026-02-01' },
    ];
    expect(dueFirst(items).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });
});
