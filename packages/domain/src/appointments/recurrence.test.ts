import rrulePkg from 'rrule';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { expandSeries, parseRule, ruleFromHere, toLocal, wallClockToInstant } from './recurrence';
import {
  boundedOccurrences,
  MAX_EXAMINED_DAYS,
  MAX_EXPANSION_MS,
  SERIES_HORIZON_YEARS,
} from './recurrence-bounds';

const { RRule } = rrulePkg;
const iso = (d: Date): string => d.toISOString();

function refused(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('expandSeries', () => {
  it('keeps a weekly 10:00 Europe/London session at 10:00 local across the spring change', () => {
    // British Summer Time starts on Sunday 29 March 2026.
    const { starts, capped } = expandSeries({
      rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      startLocal: '2026-03-17T10:00',
      timeZone: 'Europe/London',
    });
    expect(capped).toBe(false);
    expect(starts.map(iso)).toEqual([
      '2026-03-17T10:00:00.000Z',
      '2026-03-24T10:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
      '2026-04-07T09:00:00.000Z',
    ]);
    expect(starts.map((s) => toLocal(s, 'Europe/London'))).toEqual([
      '2026-03-17T10:00',
      '2026-03-24T10:00',
      '2026-03-31T10:00',
      '2026-04-07T10:00',
    ]);
  });

  it('keeps 10:00 America/New_York across both changes (8 March and 1 November 2026)', () => {
    const spring = expandSeries({
      rule: 'FREQ=WEEKLY;COUNT=3',
      startLocal: '2026-03-02T10:00',
      timeZone: 'America/New_York',
    });
    expect(spring.starts.map(iso)).toEqual([
      '2026-03-02T15:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-16T14:00:00.000Z',
    ]);
    const autumn = expandSeries({
      rule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20261112',
      startLocal: '2026-10-22T10:00',
      timeZone: 'America/New_York',
    });
    expect(autumn.starts.map(iso)).toEqual([
      '2026-10-22T14:00:00.000Z',
      '2026-10-29T14:00:00.000Z',
      '2026-11-05T15:00:00.000Z',
      '2026-11-12T15:00:00.000Z',
    ]);
  });

  it('expands a fortnightly rule', () => {
    const { starts } = expandSeries({
      rule: 'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3',
      startLocal: '2026-01-06T09:30',
      timeZone: 'Europe/London',
    });
    expect(starts.map(iso)).toEqual([
      '2026-01-06T09:30:00.000Z',
      '2026-01-20T09:30:00.000Z',
      '2026-02-03T09:30:00.000Z',
    ]);
  });

  it('expands a custom BYDAY rule (Mondays and Thursdays)', () => {
    const { starts } = expandSeries({
      rule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4',
      startLocal: '2026-02-02T17:00',
      timeZone: 'America/New_York',
    });
    expect(starts.map((s) => toLocal(s, 'America/New_York'))).toEqual([
      '2026-02-02T17:00',
      '2026-02-05T17:00',
      '2026-02-09T17:00',
      '2026-02-12T17:00',
    ]);
  });

  it('caps an open-ended rule at 60 sessions or a year, and says so', () => {
    const weekly = expandSeries({
      rule: 'FREQ=WEEKLY',
      startLocal: '2026-01-06T10:00',
      timeZone: 'Europe/London',
    });
    expect(weekly.capped).toBe(true);
    expect(weekly.starts).toHaveLength(53);
    expect(iso(weekly.starts.at(-1) as Date)).toBe('2027-01-05T10:00:00.000Z');
    const daily = expandSeries({
      rule: 'FREQ=DAILY',
      startLocal: '2026-01-06T10:00',
      timeZone: 'Europe/London',
    });
    expect(daily.starts).toHaveLength(60);
  });

  it('moves a session in a spring-forward gap forward, and takes the first of a repeated hour', () => {
    expect(
      iso(
        wallClockToInstant(
          { year: 2026, month: 3, day: 8, hour: 2, minute: 30 },
          'America/New_York',
        ),
      ),
    ).toBe(
      '2026-03-08T07:30:00.000Z', // 03:30 EDT
    );
    expect(
      iso(
        wallClockToInstant(
          { year: 2026, month: 11, day: 1, hour: 1, minute: 30 },
          'America/New_York',
        ),
      ),
    ).toBe(
      '2026-11-01T05:30:00.000Z', // 01:30 EDT, the first 01:30
    );
  });
});

describe('parseRule', () => {
  it.each([
    ['garbage'],
    ['FREQ=SOMETIMES'],
    ['FREQ=WEEKLY;BYDAY=XX'],
    ['FREQ=WEEKLY;COUNT=abc'],
    ['FREQ=WEEKLY;COUNT=2;UNTIL=20260101'],
    ['BYDAY=MO'],
    ['FREQ=WEEKLY;DTSTART=20260101T100000'],
    [''],
  ])('refuses %j naming recurrence.rrule', (rule) => {
    const error = refused(() => parseRule(rule));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.[0]?.path).toBe('recurrence.rrule');
  });

  it('refuses rules finer than daily', () => {
    expect(refused(() => parseRule('FREQ=HOURLY')).message).toMatch(/at most daily/);
  });

  it('refuses a rule producing more than 260 sessions', () => {
    refused(() =>
      expandSeries({
        rule: 'FREQ=DAILY;COUNT=400',
        startLocal: '2026-01-01T10:00',
        timeZone: 'UTC',
      }),
    );
  });
});

describe('rules that never match (issue 7, item 4)', () => {
  const from2026 = { startLocal: '2026-01-01T10:00', timeZone: 'Europe/London' };

  it('refuses February 30 before expanding, naming the parts that cannot meet', () => {
    const error = refused(() => parseRule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=1'));
    expect(error.message).toBe(
      'February never has a 30th day (BYMONTH=2 with BYMONTHDAY=30), so this rule produces no sessions.',
    );
    expect(error.issues?.[0]?.path).toBe('recurrence.rrule');
    expect(refused(() => parseRule('FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31,-31')).message).toMatch(
      /^None of the months in BYMONTH has any of the days in BYMONTHDAY/,
    );
    expect(refused(() => parseRule('FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=-30')).message).toMatch(
      /^February never has a 30th-from-last day/,
    );
    // February 29 exists in leap years: not refused by the static check.
    expect(parseRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2').rule).toContain(
      'BYMONTHDAY=29',
    );
  });

  it('stops examining days at the bound for a rule no static check catches', () => {
    // January 32nd of the year does not exist in February: BYYEARDAY=1 never falls in BYMONTH=2.
    const rrule = new RRule({
      ...RRule.parseString('FREQ=DAILY;BYYEARDAY=1;BYMONTH=2;COUNT=1'),
      dtstart: new Date(Date.UTC(2026, 0, 1, 10)),
    });
    // A stopped clock: only the day bound may end it, however busy the machine is.
    const result = boundedOccurrences(
      rrule.origOptions,
      () => true,
      MAX_EXAMINED_DAYS,
      () => 0,
    );
    expect(result).toMatchObject({ dates: [], exhausted: true });
    expect(result.examined).toBe(MAX_EXAMINED_DAYS + 1);
    // Unbounded, rrule would examine every day to the year 9999 (about 2.9 million).
  });

  it('stops at the wall-time backstop when the clock passes it, checked every 256 days', () => {
    const rrule = new RRule({
      ...RRule.parseString('FREQ=DAILY;BYYEARDAY=1;BYMONTH=2;COUNT=1'),
      dtstart: new Date(Date.UTC(2026, 0, 1, 10)),
    });
    let now = 0;
    const slowClock = (): number => {
      now += MAX_EXPANSION_MS + 1; // each reading is past the ceiling since the last
      return now;
    };
    const result = boundedOccurrences(rrule.origOptions, () => true, MAX_EXAMINED_DAYS, slowClock);
    expect(result).toMatchObject({ dates: [], exhausted: true, examined: 256 });
  });

  it('counts each examined day once, so the bound is in calendar days', () => {
    const weekly = boundedOccurrences(
      { ...RRule.parseString('FREQ=WEEKLY;COUNT=3'), dtstart: new Date(Date.UTC(2026, 0, 1)) },
      () => true,
    );
    expect(weekly).toMatchObject({ exhausted: false });
    expect(weekly.dates).toHaveLength(3);
    expect(weekly.examined).toBeLessThanOrEqual(21);
    const yearly = boundedOccurrences(
      { ...RRule.parseString('FREQ=YEARLY;COUNT=2'), dtstart: new Date(Date.UTC(2026, 0, 1)) },
      () => true,
    );
    expect(yearly.examined).toBe(365 * 2);
  });

  it('answers a never-matching rule with a refusal that names its BY parts', () => {
    const error = refused(() =>
      expandSeries({ rule: 'FREQ=DAILY;BYYEARDAY=1;BYMONTH=2;COUNT=1', ...from2026 }),
    );
    expect(error.message).toBe(
      `The rule produces no sessions in the ${SERIES_HORIZON_YEARS} years from its start; check that BYYEARDAY, BYMONTH can all be met.`,
    );
    const weekly = refused(() =>
      expandSeries({ rule: 'FREQ=WEEKLY;BYSETPOS=20;COUNT=1', ...from2026 }),
    );
    expect(weekly.message).toMatch(/no sessions .* check that BYSETPOS can all be met/);
  });

  it(`refuses a series running past ${SERIES_HORIZON_YEARS} years and more than 260 sessions`, () => {
    expect(
      refused(() => expandSeries({ rule: 'FREQ=YEARLY;COUNT=12', ...from2026 })).message,
    ).toMatch(/run past 10 years/);
    expect(
      refused(() => expandSeries({ rule: 'FREQ=MONTHLY;UNTIL=20991231', ...from2026 })).message,
    ).toMatch(/run past 10 years/);
    expect(
      refused(() => expandSeries({ rule: 'FREQ=DAILY;COUNT=9999', ...from2026 })).message,
    ).toMatch(/at most 260 sessions/);
    // Sparse but within the horizon: two leap days from 2026 are 2028 and 2032.
    const leap = expandSeries({ rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2', ...from2026 });
    expect(leap.starts.map((s) => toLocal(s, 'Europe/London'))).toEqual([
      '2028-02-29T10:00',
      '2032-02-29T10:00',
    ]);
  });

  it('keeps an open-ended rule that never matches bounded too', () => {
    expect(
      refused(() => expandSeries({ rule: 'FREQ=MONTHLY;BYMONTH=3;BYYEARDAY=1', ...from2026 }))
        .message,
    ).toMatch(/no sessions in the year from its start/);
  });
});

describe('ruleFromHere', () => {
  it('follows the new weekday and counts what is left', () => {
    expect(ruleFromHere('FREQ=WEEKLY;BYDAY=TU;COUNT=10', '2026-03-04T11:00', 4)).toBe(
      'FREQ=WEEKLY;BYDAY=WE;COUNT=4',
    );
    expect(ruleFromHere('FREQ=WEEKLY;INTERVAL=2', '2026-03-04T11:00', 4)).toBe(
      'FREQ=WEEKLY;INTERVAL=2',
    );
  });
});
