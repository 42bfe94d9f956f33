import { describe, expect, it } from 'vitest';
import { inferDateOrder, readDate } from './dates';

describe('reading dates from exports', () => {
  it('reads ISO and year-first dates whatever the order', () => {
    expect(readDate('1990-04-03', null)).toEqual({
      ok: true,
      value: { date: '1990-04-03', time: null },
    });
    expect(readDate('1990/4/3', 'month-first')).toEqual({
      ok: true,
      value: { date: '1990-04-03', time: null },
    });
  });

  it('reads slashed dates by the order given, and refuses an ambiguous one without it', () => {
    expect(readDate('03/04/1990', 'day-first')).toMatchObject({ value: { date: '1990-04-03' } });
    expect(readDate('03/04/1990', 'month-first')).toMatchObject({ value: { date: '1990-03-04' } });
    expect(readDate('03/04/1990', null)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(readDate('31/01/1990', null)).toMatchObject({ value: { date: '1990-01-31' } });
    expect(readDate('01/31/1990', null)).toMatchObject({ value: { date: '1990-01-31' } });
  });

  it('refuses what is not a date', () => {
    expect(readDate('1990-02-30', null)).toEqual({ ok: false, reason: 'not-a-date' });
    expect(readDate('31/02/1987', null)).toEqual({ ok: false, reason: 'not-a-date' });
    expect(readDate('31/02/1987', 'month-first')).toEqual({ ok: false, reason: 'not-a-date' });
    expect(readDate('next Tuesday', null)).toEqual({ ok: false, reason: 'unreadable' });
    expect(readDate('2025-03-03 25:00', null)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('reads times of day, 24-hour and with AM/PM', () => {
    expect(readDate('2025-03-03 9:00', null)).toMatchObject({ value: { time: '09:00' } });
    expect(readDate('03/15/2025 2:30 PM', null)).toMatchObject({
      value: { date: '2025-03-15', time: '14:30' },
    });
    expect(readDate('15/03/2025 12:05 am', null)).toMatchObject({ value: { time: '00:05' } });
  });

  it("infers a file's order from dates only one reading fits, and not from a contradiction", () => {
    expect(inferDateOrder(['03/04/1990', '11/15/1964'])).toBe('month-first');
    expect(inferDateOrder(['03/04/1990', '15/11/1964'])).toBe('day-first');
    expect(inferDateOrder(['03/04/1990', '1990-04-03'])).toBeNull();
    expect(inferDateOrder(['11/15/1964', '15/11/1964'])).toBeNull();
    // An impossible date proves nothing either way.
    expect(inferDateOrder(['11/15/1964', '31/02/1987'])).toBe('month-first');
  });
});
