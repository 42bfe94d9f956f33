import rrulePkg, { type Options } from 'rrule';

const { RRule } = rrulePkg;

/** No session of a series lies more than this many years after its first (five years of weekly
 * sessions is the longest series MAX_OCCURRENCES allows; monthly reviews fit ten). */
export const SERIES_HORIZON_YEARS = 10;

/**
 * How many calendar days the expansion may examine. rrule walks period by period until year 9999
 * when a rule never matches (e.g. BYMONTH=2;BYMONTHDAY=30 took ~9 s of blocked event loop), and
 * its iterator callback only sees matches, so the bound is on the days it examines: the horizon
 * plus the rest of the first period and one more (a yearly period spans a whole year).
 */
export const MAX_EXAMINED_DAYS = 366 * (SERIES_HORIZON_YEARS + 2);

/** Wall-time ceiling of one expansion; the day bound keeps it to milliseconds, this is a backstop. */
export const MAX_EXPANSION_MS = 250;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** The most days each month can have (February 29 in leap years). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * Names why BYMONTH and BYMONTHDAY can never meet (no listed month has any listed day), or
 * undefined when some pair can. Other never-matching combinations are caught by the bound.
 */
export function impossibleMonthDays(parts: Record<string, string>): string | undefined {
  if (!parts.BYMONTH || !parts.BYMONTHDAY) return undefined;
  const months = parts.BYMONTH.split(',').map(Number);
  const days = parts.BYMONTHDAY.split(',').map(Number);
  const fits = months.some((m) => days.some((d) => Math.abs(d) <= (MONTH_DAYS[m - 1] ?? 0)));
  if (fits) return undefined;
  const rule = `BYMONTH=${parts.BYMONTH} with BYMONTHDAY=${parts.BYMONTHDAY}`;
  const [month] = months;
  const [day] = days;
  if (months.length === 1 && days.length === 1 && month && day) {
    const which = day > 0 ? `${ordinal(day)} day` : `${ordinal(-day)}-from-last day`;
    return `${MONTHS[month - 1]} never has a ${which} (${rule}), so this rule produces no sessions.`;
  }
  return `None of the months in BYMONTH has any of the days in BYMONTHDAY (${rule}), so this rule produces no sessions.`;
}

/** Thrown from inside rrule's loop to stop it; never leaves this module. */
class BoundReached extends Error {}

export type BoundedResult = {
  dates: Date[];
  /** Calendar days rrule examined (each candidate day of each period). */
  examined: number;
  /** True when the day or time bound stopped the expansion before the rule ended. */
  exhausted: boolean;
};

/**
 * Runs rrule with a bound on the days it examines and on wall time. rrule reads
 * `options.bynmonthday` exactly once per candidate day (in its day filter), so a counting getter
 * on a copy of the options counts the work and stops it by throwing out of the loop. A test pins this
 * (recurrence.test.ts), so an rrule upgrade that changes it fails loudly instead of unbounding.
 */
export function boundedOccurrences(
  options: Partial<Options>,
  accept: (date: Date, index: number) => boolean,
  maxDays: number = MAX_EXAMINED_DAYS,
  /** Milliseconds on a monotonic clock; tests pass their own so a busy machine changes nothing. */
  clock: () => number = () => performance.now(),
): BoundedResult {
  const rule = new RRule(options);
  const parsed = rule.options;
  const started = clock();
  let examined = 0;
  // A copy whose `bynmonthday` is a counting getter; every other option stays a plain property.
  const counting = { ...parsed };
  const bynmonthday = parsed.bynmonthday;
  Object.defineProperty(counting, 'bynmonthday', {
    enumerable: true,
    get() {
      examined += 1;
      if (examined > maxDays) throw new BoundReached();
      if (examined % 256 === 0 && clock() - started > MAX_EXPANSION_MS) {
        throw new BoundReached();
      }
      return bynmonthday;
    },
  });
  // `options` is read by rrule's iterator each time it runs; swap in the counting view for it.
  rule.options = counting;
  const dates: Date[] = [];
  try {
    rule.all((date, index) => {
      if (!accept(date, index)) return false;
      dates.push(date);
      return true;
    });
    return { dates, examined, exhausted: false };
  } catch (error) {
    if (error instanceof BoundReached) return { dates, examined, exhausted: true };
    throw error;
  } finally {
    rule.options = parsed;
  }
}
