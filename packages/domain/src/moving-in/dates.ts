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
 * first, by `order`; without one, ambiguous unless only one reading is a real date), each
 * optionally with a time (14:30, 2:30 PM).
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
  // The file's order when known (a file is written one way); otherwise what this date proves.
  const settled = order ?? settledOrder(a, b, year);
  if (settled === null) {
    const either = real(year, b, a) || real(year, a, b);
    return { ok: false, reason: either ? 'ambiguous' : 'not-a-date' };
  }
  return settled === 'day-first' ? build(year, b, a, time) : build(year, a, b, time);
}

const real = (year: number, month: number, day: number): boolean =>
  isCalendarDate(`${year}-${pad(month)}-${pad(day)}`);

/**
 * The order a single slashed date proves: the one reading that is a real date (31/01 is day
 * first, 01/31 month first). Null when both readings are real and differ, or neither is.
 */
function settledOrder(a: number, b: number, year: number): DateOrder | null {
  const dayFirst = real(year, b, a);
  const monthFirst = real(year, a, b);
  if (dayFirst && monthFirst) return a === b ? 'day-first' : null; // 05/05: the same date
  if (dayFirst) return 'day-first';
  if (monthFirst) return 'month-first';
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
    const order = settledOrder(a, b, Number(match[3]));
    if (order) found.add(order);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}
