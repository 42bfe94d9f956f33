import { type DateOrder, isCalendarDate } from '@throughline/contracts';

/** A calendar date as written in an export, and when it has a time of day, that too. */
export type WrittenDate = { date: string; time: string | null };

export type DateReading =
  | { ok: true; value: WrittenDate }
  | { ok: false; reason: 'unreadable' | 'ambiguous' | 'not-a-date' };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2})?)?$/;
const YMD_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T,]+(.+))?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(.+))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?$/i;

const pad = (n: number): string => String(n).padStart(2, '0');

function readTime(text: string | undefined): string | null | undefined {
  if (text === undefined) return null;
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const half = match[3]?.toLowerCase().replace(/\./g, '');
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

function build(year: number, month: number, day: number, time: string | null): DateReading {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(date)
    ? { ok: true, value: { date, time } }
    : { ok: false, reason: 'not-a-date' };
}

/**
 * Reads the dates practice systems write: 1990-04-03, 1990/04/03, and 03/04/1990 (day or month
 * first, by `order`; without one, ambiguous unless a part above 12 settles it), each optionally
 * with a time (14:30, 2:30 PM).
 */
export function readDate(text: string, order: DateOrder | null): DateReading {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) {
    const time = iso[4] !== undefined ? readTime(`${iso[4]}:${iso[5]}`) : null;
    if (time === undefined) return { ok: false, reason: 'unreadable' };
    return build(Number(iso[1]), Number(iso[2]), Number(iso[3]), time);
  }
  const ymd = YMD_SLASH.exec(value);
  if (ymd) {
    const time = readTime(ymd[4]);
    if (time === undefined) return { ok: false, reason: 'unreadable' };
    return build(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), time);
  }
  const slashed = SLASHED.exec(value);
  if (!slashed) return { ok: false, reason: 'unreadable' };
  const time = readTime(slashed[4]);
  if (time === undefined) return { ok: false, reason: 'unreadable' };
  const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
  const settled = settledOrder(a, b) ?? order;
  if (settled === null) return { ok: false, reason: 'ambiguous' };
  return settled === 'day-first' ? build(year, b, a, time) : build(year, a, b, time);
}

/** The order a single slashed date proves: a first part above 12 is a day, a second a day. */
function settledOrder(a: number, b: number): DateOrder | null {
  if (a > 12 && b <= 12) return 'day-first';
  if (b > 12 && a <= 12) return 'month-first';
  if (a === b) return 'day-first'; // 05/05: either reading is the same date
  return null;
}

/**
 * The order a whole file's slashed dates agree on, or null when none settles it (or they
 * disagree, which leaves the choice to the person importing).
 */
export function inferDateOrder(values: readonly string[]): DateOrder | null {
  const found = new Set<DateOrder>();
  for (const value of values) {
    const match = SLASHED.exec(value.trim());
    if (!match) continue;
    const a = Number(match[1]);
    const b = Number(match[2]);
    if (a === b) continue;
    const order = settledOrder(a, b);
    if (order) found.add(order);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}
