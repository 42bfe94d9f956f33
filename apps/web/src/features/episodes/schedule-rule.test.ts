import { describe, expect, it } from 'vitest';
import { recurrence, weekdayOf } from './schedule-rule';

describe("the schedule form's repeat choices", () => {
  it('turn into the rule the server expands', () => {
    expect(recurrence({ repeat: 'none', count: 10, days: [] })).toBeUndefined();
    expect(recurrence({ repeat: 'weekly', count: 6, days: [] })).toEqual({
      rrule: 'FREQ=WEEKLY;COUNT=6',
    });
    expect(recurrence({ repeat: 'fortnightly', count: 4, days: [] })).toEqual({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4',
    });
    expect(recurrence({ repeat: 'weekdays', count: 12, days: ['TH', 'MO'] })).toEqual({
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12',
    });
  });

  it('know the weekday of a calendar date in any time zone', () => {
    expect(weekdayOf('2026-10-20')).toBe('TU');
    expect(weekdayOf('2026-10-25')).toBe('SU');
    expect(weekdayOf('')).toBeUndefined();
  });
});
