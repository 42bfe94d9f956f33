import type { CreateAppointmentsInput } from '@throughline/contracts';

/** How a series repeats, in the words of the schedule form (never a raw RRULE on screen). */
export type Repeat = 'none' | 'weekly' | 'fortnightly' | 'weekdays';

/** RFC 5545 day codes, Monday first, with the words a therapist reads. */
export const WEEKDAYS = [
  { value: 'MO', label: 'Mon' },
  { value: 'TU', label: 'Tue' },
  { value: 'WE', label: 'Wed' },
  { value: 'TH', label: 'Thu' },
  { value: 'FR', label: 'Fri' },
  { value: 'SA', label: 'Sat' },
  { value: 'SU', label: 'Sun' },
];

/** The RFC 5545 code of a YYYY-MM-DD date's weekday (a calendar date: no time zone involved). */
export function weekdayOf(date: string): string | undefined {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return Number.isNaN(day) ? undefined : WEEKDAYS[(day + 6) % 7]?.value;
}

/** The RFC 5545 rule the server expands; COUNT is the number of sessions in all. */
export function recurrence(values: {
  repeat: Repeat;
  count: number;
  days: readonly string[];
}): CreateAppointmentsInput['recurrence'] {
  const { count } = values;
  if (values.repeat === 'weekly') return { rrule: `FREQ=WEEKLY;COUNT=${count}` };
  if (values.repeat === 'fortnightly') return { rrule: `FREQ=WEEKLY;INTERVAL=2;COUNT=${count}` };
  if (values.repeat === 'weekdays') {
    // In the week's order, whatever order the days were ticked in.
    const days = WEEKDAYS.map((d) => d.value).filter((d) => values.days.includes(d));
    return { rrule: `FREQ=WEEKLY;BYDAY=${days.join(',')};COUNT=${count}` };
  }
  return undefined;
}
