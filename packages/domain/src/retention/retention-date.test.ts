import { describe, expect, it } from 'vitest';
import { addYears, isDue, retentionDate } from './retention-date';

const DEFAULT = { yearsAfterLastService: 7, yearsAfterMajority: 3, ageOfMajority: 18 };

describe('retentionDate', () => {
  it('is 7 years after the last service for an adult', () => {
    expect(retentionDate(DEFAULT, '2026-05-14', '1980-01-02')).toEqual({
      retainUntil: '2033-05-14',
      basis: 'last-service',
    });
  });

  it('uses the last service alone when the date of birth is unknown', () => {
    expect(retentionDate(DEFAULT, '2026-05-14', null)).toEqual({
      retainUntil: '2033-05-14',
      basis: 'last-service',
    });
  });

  it('keeps a young minor’s record until 3 years after they turn 18', () => {
    // Born 2016-09-10: 18 on 2034-09-10, kept until 2037-09-10 (later than 2033-05-14).
    expect(retentionDate(DEFAULT, '2026-05-14', '2016-09-10')).toEqual({
      retainUntil: '2037-09-10',
      basis: 'majority',
    });
  });

  it('uses the service clock for a minor close to majority when it is later', () => {
    // Born 2009-01-01: 18 on 2027-01-01, + 3 = 2030-01-01, earlier than 2033-05-14.
    expect(retentionDate(DEFAULT, '2026-05-14', '2009-01-01').basis).toBe('last-service');
  });

  it('takes the later day when both clocks end on the same day', () => {
    // Born 2012-05-14: 18 on 2030-05-14, + 3 = 2033-05-14: the same day; the service clock names it.
    expect(retentionDate(DEFAULT, '2026-05-14', '2012-05-14')).toEqual({
      retainUntil: '2033-05-14',
      basis: 'last-service',
    });
  });

  it('follows the practice settings', () => {
    const rule = { yearsAfterLastService: 10, yearsAfterMajority: 5, ageOfMajority: 19 };
    expect(retentionDate(rule, '2026-05-14', '2016-09-10').retainUntil).toBe('2040-09-10');
    expect(retentionDate(rule, '2026-05-14', null).retainUntil).toBe('2036-05-14');
  });

  it('moves a last service on 29 February to 1 March in a common year', () => {
    expect(retentionDate(DEFAULT, '2024-02-29', null).retainUntil).toBe('2031-03-01');
  });

  it('keeps 29 February when the target year is a leap year', () => {
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('counts a minor born on 29 February as of age on 1 March of a common year', () => {
    // Born 2016-02-29: 18 in 2034 (common) → 2034-03-01; + 3 → 2037-03-01.
    expect(retentionDate(DEFAULT, '2026-05-14', '2016-02-29')).toEqual({
      retainUntil: '2037-03-01',
      basis: 'majority',
    });
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => addYears('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('isDue', () => {
  it('is due on and after the date, not before', () => {
    expect(isDue('2033-05-14', '2033-05-13')).toBe(false);
    expect(isDue('2033-05-14', '2033-05-14')).toBe(true);
    expect(isDue('2033-05-14', '2040-01-01')).toBe(true);
  });
});
