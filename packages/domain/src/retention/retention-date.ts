import { DateTime } from 'luxon';

/** The practice's retention numbers (contracts `RetentionSettings`). */
export type RetentionRule = {
  yearsAfterLastService: number;
  yearsAfterMajority: number;
  ageOfMajority: number;
};

export type RetentionDate = {
  /** The day the record may first be reviewed for destruction (YYYY-MM-DD). */
  retainUntil: string;
  /** Which clock set it: the last service, or a minor's majority (the later wins). */
  basis: 'last-service' | 'majority';
};

/**
 * When a closed episode's record may be destroyed (ETHICS.md, record retention; APA record-keeping
 * guidelines): `yearsAfterLastService` after the last service, or `yearsAfterMajority` after the
 * client reaches `ageOfMajority`, whichever is later. Without a date of birth only the first
 * clock applies. Pure: calendar dates in, a calendar date out.
 *
 * Leap days: a year count from 29 February lands on 1 March in a common year — the later of the
 * two candidate days, because keeping a record one day too long is safe and destroying it one
 * day early is not (a client born on 29 February is of age on 1 March in many jurisdictions).
 */
export function retentionDate(
  rule: RetentionRule,
  lastServiceOn: string,
  dateOfBirth: string | null,
): RetentionDate {
  const byService = addYears(lastServiceOn, rule.yearsAfterLastService);
  if (!dateOfBirth) return { retainUntil: byService, basis: 'last-service' };
  const majority = addYears(dateOfBirth, rule.ageOfMajority);
  const byMajority = addYears(majority, rule.yearsAfterMajority);
  // ISO calendar dates compare as strings.
  return byMajority > byService
    ? { retainUntil: byMajority, basis: 'majority' }
    : { retainUntil: byService, basis: 'last-service' };
}

/** Adds whole years to a YYYY-MM-DD date; 29 February goes to 1 March in a common year. */
export function addYears(date: string, years: number): string {
  const start = DateTime.fromISO(date, { zone: 'UTC' });
  if (!start.isValid) throw new RangeError(`not a calendar date: ${date}`);
  const target = start.plus({ years });
  const slipped = start.month === 2 && start.day === 29 && target.day !== 29;
  return (slipped ? target.plus({ days: 1 }) : target).toISODate() ?? date;
}

/** Whether the record is due for review on `today` (YYYY-MM-DD): the date has been reached. */
export function isDue(retainUntil: string, today: string): boolean {
  return retainUntil <= today;
}
