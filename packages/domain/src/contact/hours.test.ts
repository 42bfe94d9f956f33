import { describe, expect, it } from 'vitest';
import { windowsForViewer, withinWindows } from './hours';

// A therapist in New York, Monday to Friday 09:00–17:00 and Saturday 20:00–23:00 their time; a
// client in London. 2026: the US changes clocks on 8 March and 1 November, the UK on 29 March and
// 25 October, so for two weeks each spring and one each autumn the gap is 4 hours, not 5.
const NY = 'America/New_York';
const LONDON = 'Europe/London';
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' }));
const saturday = { weekday: 6, from: '20:00', to: '23:00' };
const windows = [...weekdays, saturday];

describe('availability windows across time zones and daylight saving', () => {
  it('shows the London hours of a New York window, five hours apart in winter', () => {
    const shown = windowsForViewer(windows, NY, LONDON, new Date('2026-02-11T12:00:00Z'));
    expect(shown[0]).toEqual({ weekday: 1, from: '14:00', to: '22:00', endsNextDay: false });
    // Saturday 20:00–23:00 in New York is Sunday 01:00–04:00 in London.
    expect(shown.at(-1)).toEqual({ weekday: 7, from: '01:00', to: '04:00', endsNextDay: false });
  });

  it('is four hours apart between the US and the UK spring changes (9–28 March 2026)', () => {
    const shown = windowsForViewer(windows, NY, LONDON, new Date('2026-03-11T12:00:00Z'));
    expect(shown[0]).toEqual({ weekday: 1, from: '13:00', to: '21:00', endsNextDay: false });
    expect(shown.at(-1)).toEqual({ weekday: 7, from: '00:00', to: '03:00', endsNextDay: false });
  });

  it('converts each day of the week on its own date when a change falls inside it', () => {
    // Week of Monday 23 March 2026: London changes on Sunday 29 March at 01:00 UTC, inside the
    // Saturday window: 20:00 New York is 00:00 London (GMT), 23:00 is 04:00 London (BST) — a
    // three-hour window that reads four hours long on the clock, as it truly is that night.
    const shown = windowsForViewer(windows, NY, LONDON, new Date('2026-03-25T12:00:00Z'));
    expect(shown[0]).toMatchObject({ weekday: 1, from: '13:00' });
    expect(shown.at(-1)).toEqual({ weekday: 7, from: '00:00', to: '04:00', endsNextDay: false });
  });

  it('is five hours apart again after both spring changes', () => {
    const shown = windowsForViewer(windows, NY, LONDON, new Date('2026-04-08T12:00:00Z'));
    expect(shown[0]).toEqual({ weekday: 1, from: '14:00', to: '22:00', endsNextDay: false });
  });

  it('is four hours apart in the autumn week between the UK and the US changes', () => {
    // 26–31 October 2026: London is back on GMT, New York still on EDT.
    expect(windowsForViewer(weekdays, NY, LONDON, new Date('2026-10-27T12:00:00Z'))[0]).toEqual({
      weekday: 1,
      from: '13:00',
      to: '21:00',
      endsNextDay: false,
    });
    expect(windowsForViewer(weekdays, NY, LONDON, new Date('2026-11-04T12:00:00Z'))[0]).toEqual({
      weekday: 1,
      from: '14:00',
      to: '22:00',
      endsNextDay: false,
    });
  });

  it('marks a window that crosses midnight for the viewer', () => {
    const late = [{ weekday: 2, from: '16:00', to: '20:00' }];
    expect(windowsForViewer(late, NY, LONDON, new Date('2026-02-11T12:00:00Z'))).toEqual([
      { weekday: 2, from: '21:00', to: '01:00', endsNextDay: true },
    ]);
  });

  it("decides 'within hours' on the therapist's wall clock, whatever the client's zone", () => {
    // 13:30 in London on Wednesday 11 March 2026 is 09:30 in New York (EDT): within hours.
    expect(withinWindows(windows, NY, new Date('2026-03-11T13:30:00Z'))).toBe(true);
    // The same London time on 11 February is 08:30 in New York (EST): outside.
    expect(withinWindows(windows, NY, new Date('2026-02-11T13:30:00Z'))).toBe(false);
    // 21:30 London, 28 October 2026 (GMT) is 17:30 New York (EDT): just outside.
    expect(withinWindows(windows, NY, new Date('2026-10-28T21:30:00Z'))).toBe(false);
    // 16:59 New York on 4 November (EST) = 21:59 UTC: inside; 17:00 is the end, outside.
    expect(withinWindows(windows, NY, new Date('2026-11-04T21:59:00Z'))).toBe(true);
    expect(withinWindows(windows, NY, new Date('2026-11-04T22:00:00Z'))).toBe(false);
    // Sunday: no window.
    expect(withinWindows(windows, NY, new Date('2026-03-15T15:00:00Z'))).toBe(false);
  });

  it('passes in another process time zone too (no reliance on the host zone)', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(withinWindows(windows, NY, new Date('2026-03-11T13:30:00Z'))).toBe(true);
      expect(
        windowsForViewer(weekdays, NY, LONDON, new Date('2026-03-11T12:00:00Z'))[0],
      ).toMatchObject({
        from: '13:00',
      });
    } finally {
      process.env.TZ = before;
    }
  });
});
