import type { TaperCadence } from '@throughline/contracts';
import { DateTime } from 'luxon';
import { expandSeries, wallClockToInstant } from './recurrence';

/** The series' usual slot: its weekday (1 Monday … 7 Sunday), local time and zone. */
export type UsualSlot = { weekday: number; time: string; timeZone: string };

export type TaperInput = {
  /** The planned last session, YYYY-MM-DD. */
  lastSessionOn: string;
  /** In date order; the last runs to the planned last session. */
  steps: readonly { from: string; cadence: TaperCadence }[];
};

/** One step of the taper as a series: its rule (with UNTIL) and its sessions after now. */
export type TaperSegment = { rule: string; startLocal: string; starts: Date[] };

export type TaperSchedule = {
  /** Future sessions from here on are rewritten; earlier ones keep the current cadence. */
  rewriteFrom: Date;
  segments: TaperSegment[];
  /** The last session on `lastSessionOn` at the usual time, when no step lands on that day. */
  lastSession: Date | null;
};

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

function startOfDay(date: string, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toJSDate();
}

/** The first day on or after `date` that falls on `weekday`. */
function firstOnWeekday(date: string, weekday: number): DateTime {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  return day.plus({ days: (weekday - day.weekday + 7) % 7 });
}

/**
 * The RRULE of a cadence on the usual weekday: weekly, every second week, or monthly on the same
 * weekday of the month as the first session (the 2nd Tuesday; the last one when it is the 5th).
 */
function cadenceRule(cadence: TaperCadence, first: DateTime, until: string): string {
  const code = BYDAY[first.weekday - 1];
  const end = `UNTIL=${until.replaceAll('-', '')}`;
  if (cadence === 'monthly') {
    const nth = Math.ceil(first.day / 7);
    return `FREQ=MONTHLY;BYDAY=${nth === 5 ? '-1' : nth}${code};${end}`;
  }
  return `FREQ=WEEKLY;INTERVAL=${cadence === 'weekly' ? 1 : 2};BYDAY=${code};${end}`;
}

/**
 * The sessions an agreed taper books (pure): each step from its first day on the usual weekday,
 * at its cadence, up to the day before the next step or the planned last session; the last
 * session on its day at the usual time. Wall-clock times in the series' zone, so a 10:00 session
 * stays at 10:00 across daylight-saving changes. Nothing at or before `now`, nothing after the
 * planned last session.
 */
export function taperSchedule(plan: TaperInput, slot: UsualSlot, now: Date): TaperSchedule {
  const zone = slot.timeZone;
  const firstDay = plan.steps[0]?.from ?? plan.lastSessionOn;
  const rewriteFrom = new Date(Math.max(startOfDay(firstDay, zone).getTime(), now.getTime() + 1));
  const segments: TaperSegment[] = [];
  const taken = new Set<string>();
  plan.steps.forEach((step, i) => {
    const next = plan.steps[i + 1]?.from;
    const until = next ? DateTime.fromISO(next).minus({ days: 1 }).toISODate() : plan.lastSessionOn;
    if (!until) return;
    const first = firstOnWeekday(step.from, slot.weekday);
    if ((first.toISODate() ?? '') > until) return;
    const rule = cadenceRule(step.cadence, first, until);
    const { starts } = expandSeries({
      rule,
      startLocal: `${first.toISODate()}T${slot.time}`,
      timeZone: zone,
    });
    const future = starts.filter((s) => s > now && s >= rewriteFrom);
    const [head] = future;
    if (!head) return;
    for (const s of future) taken.add(DateTime.fromJSDate(s, { zone }).toISODate() ?? '');
    const startLocal = DateTime.fromJSDate(head, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
    segments.push({ rule, startLocal, starts: future });
  });
  const [hour, minute] = slot.time.split(':').map(Number);
  const last = DateTime.fromISO(plan.lastSessionOn);
  const lastStart = wallClockToInstant(
    { year: last.year, month: last.month, day: last.day, hour: hour ?? 0, minute: minute ?? 0 },
    zone,
  );
  const lastSession =
    !taken.has(plan.lastSessionOn) && lastStart > now && lastStart >= rewriteFrom
      ? lastStart
      : null;
  return { rewriteFrom, segments, lastSession };
}
