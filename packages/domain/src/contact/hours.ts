import type { AvailabilityWindow, ShownWindow } from '@throughline/contracts';
import { DateTime } from 'luxon';

function at(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
}

/**
 * Whether `instant` falls inside one of the weekly windows, read in the windows' own zone (the
 * therapist's): the weekday and wall-clock time there, so a window stays "09:00–17:00 in New York"
 * across daylight-saving changes on either side. A window includes its start and excludes its end.
 */
export function withinWindows(
  windows: readonly AvailabilityWindow[],
  zone: string,
  instant: Date,
): boolean {
  const local = DateTime.fromJSDate(instant, { zone });
  const hhmm = local.toFormat('HH:mm');
  return windows.some((w) => w.weekday === local.weekday && w.from <= hhmm && hhmm < w.to);
}

/**
 * The windows as someone in `viewerZone` sees them in the week of `now` (Monday to Sunday in the
 * therapist's zone): each occurrence converted on its own date, so a week in which only one of
 * the two zones has changed its clocks (New York in mid-March, London two weeks later) shows the
 * hour that is true that week. Sorted by the viewer's weekday and start.
 */
export function windowsForViewer(
  windows: readonly AvailabilityWindow[],
  zone: string,
  viewerZone: string,
  now: Date,
): ShownWindow[] {
  const monday = DateTime.fromJSDate(now, { zone }).startOf('week');
  return windows
    .map((w) => {
      const day = monday.plus({ days: w.weekday - 1 });
      const start = at(day, w.from).setZone(viewerZone);
      const end = at(day, w.to).setZone(viewerZone);
      return {
        weekday: start.weekday,
        from: start.toFormat('HH:mm'),
        to: end.toFormat('HH:mm'),
        endsNextDay: !end.hasSame(start, 'day'),
      };
    })
    .sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
}
