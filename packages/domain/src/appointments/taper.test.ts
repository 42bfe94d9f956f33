import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { taperSchedule } from './taper';

const slot = { weekday: 2, time: '10:00', timeZone: 'Europe/London' };
const local = (d: Date) =>
  DateTime.fromJSDate(d, { zone: 'Europe/London' }).toFormat('yyyy-MM-dd HH:mm');
const plan = {
  lastSessionOn: '2027-01-26',
  steps: [
    { from: '2026-10-06', cadence: 'weekly' as const },
    { from: '2026-10-27', cadence: 'fortnightly' as const },
    { from: '2026-12-01', cadence: 'monthly' as const },
  ],
};

describe('taperSchedule', () => {
  it('books each step at its cadence on the usual weekday and time, then the last session', () => {
    const s = taperSchedule(plan, slot, new Date('2026-10-01T12:00:00Z'));
    expect(s.segments.map((g) => g.starts.map(local))).toEqual([
      ['2026-10-06 10:00', '2026-10-13 10:00', '2026-10-20 10:00'],
      ['2026-10-27 10:00', '2026-11-10 10:00', '2026-11-24 10:00'],
      ['2026-12-01 10:00', '2027-01-05 10:00'],
    ]);
    expect(s.segments.map((g) => g.rule)).toEqual([
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20261026',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20261130',
      'FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270126',
    ]);
    expect(s.lastSession && local(s.lastSession)).toBe('2027-01-26 10:00');
    expect(s.rewriteFrom.toISOString()).toBe('2026-10-05T23:00:00.000Z');
  });

  it('keeps 10:00 local across the change to winter time (the UTC hour moves instead)', () => {
    const s = taperSchedule(plan, slot, new Date('2026-10-01T12:00:00Z'));
    const utcHours = s.segments.flatMap((g) => g.starts).map((d) => d.getUTCHours());
    expect(utcHours.slice(0, 3)).toEqual([9, 9, 9]); // BST, before 25 October 2026
    expect(utcHours.slice(3)).toEqual([10, 10, 10, 10, 10]); // GMT
  });

  it('books nothing at or before now, and nothing after the last session', () => {
    const now = new Date('2026-10-13T12:00:00Z');
    const s = taperSchedule(plan, slot, now);
    const all = [...s.segments.flatMap((g) => g.starts), ...(s.lastSession ? [s.lastSession] : [])];
    expect(all.map(local)[0]).toBe('2026-10-20 10:00');
    expect(all.every((d) => d > now)).toBe(true);
    expect(all.every((d) => local(d) <= '2027-01-26 23:59')).toBe(true);
    expect(s.segments[0]?.startLocal).toBe('2026-10-20T10:00');
  });

  it('does not book the last session twice when a step lands on its day', () => {
    const s = taperSchedule(
      { lastSessionOn: '2026-11-24', steps: [{ from: '2026-11-03', cadence: 'weekly' }] },
      slot,
      new Date('2026-10-01T12:00:00Z'),
    );
    expect(s.segments[0]?.starts.map(local).at(-1)).toBe('2026-11-24 10:00');
    expect(s.lastSession).toBeNull();
  });

  it('takes the last weekday of the month when a monthly step starts on a fifth one', () => {
    const s = taperSchedule(
      { lastSessionOn: '2027-03-31', steps: [{ from: '2026-12-29', cadence: 'monthly' }] },
      slot,
      new Date('2026-12-01T12:00:00Z'),
    );
    expect(s.segments[0]?.rule).toContain('BYDAY=-1TU');
    expect(s.segments[0]?.starts.map(local)).toEqual([
      '2026-12-29 10:00',
      '2027-01-26 10:00',
      '2027-02-23 10:00',
      '2027-03-30 10:00',
    ]);
  });

  it('without steps only the last session is planned, on its day at the usual time', () => {
    const s = taperSchedule(
      { lastSessionOn: '2026-12-03', steps: [] },
      slot,
      new Date('2026-10-01T12:00:00Z'),
    );
    expect(s.segments).toEqual([]);
    expect(s.lastSession && local(s.lastSession)).toBe('2026-12-03 10:00');
    expect(local(s.rewriteFrom)).toBe('2026-12-03 00:00');
  });
});
