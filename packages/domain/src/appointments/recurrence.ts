import { DateTime } from 'luxon';
import rrulePkg from 'rrule';
import { AppError } from '../shared/errors';
import { boundedOccurrences, impossibleMonthDays, SERIES_HORIZON_YEARS } from './recurrence-bounds';

const { RRule } = rrulePkg;

/** Without COUNT or UNTIL a series is materialised for at most a year or this many sessions. */
export const OPEN_ENDED_LIMIT = 60;
/** An explicit rule may not produce more sessions than this (five years of weekly sessions). */
export const MAX_OCCURRENCES = 260;

const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
const DAY = '(?:[+-]?(?:[1-9]|[1-4][0-9]|5[0-3]))?(?:MO|TU|WE|TH|FR|SA|SU)';
const int = (min: number, max: number) => (v: string) =>
  /^[+-]?\d{1,3}$/.test(v) && Math.abs(Number(v)) >= min && Math.abs(Number(v)) <= max;
const list = (one: (v: string) => boolean) => (v: string) => v.split(',').every(one);

/** The RRULE parts a therapy series may use (RFC 5545 §3.3.10), each with a strict check. */
const PARTS: Record<string, (v: string) => boolean> = {
  FREQ: (v) => (FREQUENCIES as readonly string[]).includes(v),
  INTERVAL: (v) => /^\d{1,2}$/.test(v) && Number(v) >= 1,
  COUNT: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1,
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v),
  BYDAY: list((v) => new RegExp(`^${DAY}$`).test(v)),
  BYMONTHDAY: list(int(1, 31)),
  BYMONTH: list((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 12),
  BYSETPOS: list(int(1, 366)),
  BYWEEKNO: list(int(1, 53)),
  BYYEARDAY: list(int(1, 366)),
  WKST: (v) => /^(MO|TU|WE|TH|FR|SA|SU)$/.test(v),
};

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path: 'recurrence.rrule', message }]);
}

export type ParsedRule = {
  /** Normalised rule text without DTSTART, as stored on the series (e.g. FREQ=WEEKLY;BYDAY=TU). */
  rule: string;
  parts: Record<string, string>;
};

/** Validates an RRULE strictly; the rrule package itself accepts almost anything. */
export function parseRule(text: string): ParsedRule {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (!body) throw invalid('Give a recurrence rule, e.g. FREQ=WEEKLY;BYDAY=TU.');
  const parts: Record<string, string> = {};
  for (const piece of body.split(';')) {
    const [rawKey, value, extra] = piece.split('=');
    const key = rawKey?.trim().toUpperCase() ?? '';
    if (value === undefined || extra !== undefined || !value.trim()) {
      throw invalid(`"${piece}" is not a KEY=VALUE part of a recurrence rule.`);
    }
    if (['HOURLY', 'MINUTELY', 'SECONDLY'].includes(value.toUpperCase()) && key === 'FREQ') {
      throw invalid('Sessions repeat at most daily: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.');
    }
    const check = PARTS[key];
    if (!check) {
      throw invalid(
        key === 'DTSTART' || key === 'TZID'
          ? 'Give the start and time zone as fields of their own, not inside the rule.'
          : `The rule part ${key} is not supported here.`,
      );
    }
    if (key in parts) throw invalid(`The rule part ${key} is given twice.`);
    const normalised = value.trim().toUpperCase();
    if (!check(normalised)) throw invalid(`${key}=${value} is not a valid value for ${key}.`);
    parts[key] = normalised;
  }
  if (!parts.FREQ) throw invalid('The rule needs a FREQ, e.g. FREQ=WEEKLY.');
  if (parts.COUNT && parts.UNTIL) throw invalid('Give COUNT or UNTIL, not both (RFC 5545).');
  if (Number(parts.COUNT) > MAX_OCCURRENCES) {
    throw invalid(`A series has at most ${MAX_OCCURRENCES} sessions; lower COUNT.`);
  }
  const impossible = impossibleMonthDays(parts);
  if (impossible) throw invalid(impossible);
  const rule = Object.entries(parts)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
  try {
    RRule.parseString(rule);
  } catch {
    throw invalid('The recurrence rule could not be read.');
  }
  return { rule, parts };
}

/** `YYYY-MM-DDTHH:mm` in a zone → luxon; refuses malformed values and unknown zones. */
export function parseLocal(local: string, timeZone: string, path = 'start'): DateTime {
  const dt = DateTime.fromISO(local, { zone: timeZone });
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || !dt.isValid) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${path} must be a local date and time, YYYY-MM-DDTHH:mm.`,
      [{ path, message: 'Use YYYY-MM-DDTHH:mm, e.g. 2026-03-03T10:00.' }],
    );
  }
  return dt;
}

export function assertTimeZone(timeZone: string, path = 'timeZone'): void {
  if (!DateTime.local().setZone(timeZone).isValid) {
    throw new AppError('VALIDATION_FAILED', `${timeZone} is not a known IANA time zone.`, [
      { path, message: 'Use an IANA zone such as Europe/London.' },
    ]);
  }
}

/** The BY… parts present, for a message about a rule whose parts never meet. */
function byParts(parts: Record<string, string>): string {
  const present = Object.keys(parts).filter((k) => k.startsWith('BY'));
  return present.length > 0 ? present.join(', ') : 'its parts';
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number };

/**
 * A wall-clock time in a zone → the UTC instant. A time in a spring-forward gap moves forward by
 * the gap; an ambiguous fall-back time takes its first occurrence (RFC 5545 §3.3.5).
 */
export function wallClockToInstant(wall: Wall, timeZone: string): Date {
  const dt = DateTime.fromObject(wall, { zone: timeZone });
  const floating = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const earlierOffset = DateTime.fromMillis(dt.toMillis() - 6 * 3_600_000, {
    zone: timeZone,
  }).offset;
  if (earlierOffset > dt.offset) {
    const candidate = DateTime.fromMillis(floating - earlierOffset * 60_000, { zone: timeZone });
    if (
      candidate.hour === wall.hour &&
      candidate.minute === wall.minute &&
      candidate.day === wall.day
    ) {
      return candidate.toJSDate();
    }
  }
  return dt.toJSDate();
}

/** Local ISO date-time without offset (YYYY-MM-DDTHH:mm) of an instant in a zone. */
export function toLocal(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export type Expansion = { starts: Date[]; capped: boolean };

/**
 * Expands a rule anchored at a wall-clock start in a zone into UTC instants that keep the same
 * local time across daylight-saving changes: occurrences are generated on "floating" wall-clock
 * values (rrule's UTC fields stand for local fields) and each is then placed in the zone.
 */
export function expandSeries(input: {
  rule: string;
  startLocal: string;
  timeZone: string;
}): Expansion {
  const { rule, parts } = parseRule(input.rule);
  const start = parseLocal(input.startLocal, input.timeZone);
  const floatingStart = new Date(
    Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute),
  );
  const options = RRule.parseString(rule);
  if (parts.UNTIL) {
    // UNTIL is inclusive; a date alone means the whole of that day, a UTC time is placed in the zone.
    const until = parts.UNTIL;
    const local = until.endsWith('Z')
      ? DateTime.fromISO(until, { zone: 'utc' }).setZone(input.timeZone)
      : until.length === 8
        ? DateTime.fromFormat(until, 'yyyyMMdd', { zone: input.timeZone }).endOf('day')
        : DateTime.fromFormat(until, "yyyyMMdd'T'HHmmss", { zone: input.timeZone });
    options.until = new Date(
      Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second),
    );
  }
  const openEnded = !parts.COUNT && !parts.UNTIL;
  const limit = openEnded ? OPEN_ENDED_LIMIT : MAX_OCCURRENCES;
  const years = openEnded ? 1 : SERIES_HORIZON_YEARS;
  const horizon = new Date(
    Date.UTC(start.year + years, start.month - 1, start.day, start.hour, start.minute),
  );
  let capped = false;
  let beyondHorizon = false;
  const { dates: floating, exhausted } = boundedOccurrences(
    { ...options, dtstart: floatingStart },
    (date, i) => {
      if (date >= horizon) beyondHorizon = true;
      if (beyondHorizon || i >= limit) {
        capped = true;
        return false;
      }
      return true;
    },
  );
  if (floating.length === 0) {
    throw invalid(
      exhausted || beyondHorizon
        ? `The rule produces no sessions in the ${years === 1 ? 'year' : `${years} years`} from its start; check that ${byParts(parts)} can all be met.`
        : 'The rule produces no sessions from that start.',
    );
  }
  if (!openEnded && (beyondHorizon || exhausted)) {
    throw invalid(
      `The rule's sessions run past ${SERIES_HORIZON_YEARS} years from the first; shorten it with COUNT or UNTIL.`,
    );
  }
  if (!openEnded && capped) {
    throw invalid(
      `The rule produces more than ${MAX_OCCURRENCES} sessions; shorten it with COUNT or UNTIL.`,
    );
  }
  if (openEnded) capped = true;
  const starts = floating.map((f) =>
    wallClockToInstant(
      {
        year: f.getUTCFullYear(),
        month: f.getUTCMonth() + 1,
        day: f.getUTCDate(),
        hour: f.getUTCHours(),
        minute: f.getUTCMinutes(),
      },
      input.timeZone,
    ),
  );
  return { starts, capped };
}

/**
 * The rule for the rest of a series moved to a new start: a single weekday follows the new start
 * (a Tuesday series moved to Wednesdays), and COUNT becomes the number of sessions left.
 */
export function ruleFromHere(rule: string, newStartLocal: string, remaining: number): string {
  const { parts } = parseRule(rule);
  const next = { ...parts };
  const weekday = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][
    DateTime.fromISO(newStartLocal).weekday - 1
  ] as string;
  if (next.BYDAY && /^(MO|TU|WE|TH|FR|SA|SU)$/.test(next.BYDAY) && next.FREQ === 'WEEKLY') {
    next.BYDAY = weekday;
  }
  if (next.COUNT) next.COUNT = String(Math.max(1, remaining));
  return Object.entries(next)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}
