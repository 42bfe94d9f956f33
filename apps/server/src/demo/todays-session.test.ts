import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { todaysSessionStart } from './todays-session';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });
const local = (d: DateTime) => d.toFormat("ccc yyyy-MM-dd'T'HH:mm");

describe("today's demo session", () => {
  it('began 45 minutes ago on the quarter hour', () => {
    expect(local(todaysSessionStart(at('2026-11-27T14:52')))).toBe('Fri 2026-11-27T14:00');
  });

  it('never starts before midnight, and has still begun', () => {
    const now = at('2026-11-27T00:20');
    const start = todaysSessionStart(now);
    expect(local(start)).toBe('Fri 2026-11-27T00:00');
    expect(start <= now).toBe(true);
  });

  it("keeps clear of Sam's Tuesday 10:00 session", () => {
    for (const time of ['10:00', '10:40', '11:20']) {
      const start = todaysSessionStart(at(`2026-11-24T${time}`));
      expect(local(start), time).toBe('Tue 2026-11-24T09:00');
    }
    expect(local(todaysSessionStart(at('2026-11-24T12:00')))).toBe('Tue 2026-11-24T11:15');
  });
});
