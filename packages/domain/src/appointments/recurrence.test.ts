import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { expandSeries, parseRule, ruleFromHere, toLocal, wallClockToInstant } from './recurrence';

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
