import { describe, expect, it } from 'vitest';
import { calendarDateWords, endingWords } from './ending-words';

const ending = {
  recordedBy: { id: 'a', displayName: 'Dr. Rivera' },
  recordedAt: '2026-11-20T10:00:00.000Z',
  responsible: null,
  retainUntil: null,
};

describe('the recorded ending in words', () => {
  it('says a calendar date without moving it to another day', () => {
    expect(calendarDateWords('2033-03-07', 'en-GB')).toBe('7 March 2033');
    expect(calendarDateWords('2033-01-01', 'en-US')).toBe('January 1, 2033');
    expect(calendarDateWords('not a date')).toBe('not a date');
  });

  it('says who recorded it and when, with no retention line before closing', () => {
    const words = endingWords(ending, () => 'Fri, 20 Nov 2026, 10:00');
    expect(words.recorded).toBe('Recorded by Dr. Rivera, Fri, 20 Nov 2026, 10:00.');
    expect(words.retention).toBeUndefined();
    expect(words.responsible).toBeUndefined();
  });

  it('gives the retention date once closed, and who is responsible after a death', () => {
    const words = endingWords(
      { ...ending, retainUntil: '2033-11-20', responsible: { id: 'b', displayName: 'Dr. Chen' } },
      () => 'x',
      'en-GB',
    );
    expect(words.retention).toBe('The record is kept until 20 November 2033, then reviewed.');
    expect(words.responsible).toBe('Responsible for the record now: Dr. Chen.');
    expect(JSON.stringify(words)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
