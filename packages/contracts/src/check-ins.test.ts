import { describe, expect, it } from 'vitest';
import { offerBoosterRequest } from './check-ins';

const startsAt = '2026-03-01T10:00:00+01:00';

describe('offerBoosterRequest', () => {
  it('accepts a length from 30 to 90 minutes, or none (the server picks the usual length)', () => {
    for (const durationMinutes of [30, 60, 90])
      expect(offerBoosterRequest.parse({ startsAt, durationMinutes }).durationMinutes).toBe(
        durationMinutes,
      );
    expect(offerBoosterRequest.parse({ startsAt }).durationMinutes).toBeUndefined();
  });

  it('refuses a length outside 30–90 or not whole, naming the field', () => {
    for (const durationMinutes of [29, 91, 45.5]) {
      const result = offerBoosterRequest.safeParse({ startsAt, durationMinutes });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['durationMinutes']);
    }
    expect(
      offerBoosterRequest.safeParse({ startsAt, durationMinutes: 20 }).error?.issues[0]?.message,
    ).toBe('A booster session lasts at least 30 minutes.');
  });
});
