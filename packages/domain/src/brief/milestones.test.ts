import { describe, expect, it } from 'vitest';
import { milestones } from './milestones';

const base = {
  phase: 'active',
  openedAt: new Date('2025-03-01T10:00:00Z'),
  reference: new Date('2025-06-01T10:00:00Z'),
  lastScheduledAt: null,
};

describe('brief milestones', () => {
  it('marks a review due after every sixth attended session', () => {
    expect(milestones({ ...base, attendedBefore: 12 }).map((m) => m.kind)).toEqual(['review-due']);
    expect(milestones({ ...base, attendedBefore: 11 })).toEqual([]);
    expect(milestones({ ...base, attendedBefore: 0 })).toEqual([]);
  });

  it('marks a planned ending at the last scheduled session', () => {
    const last = new Date('2025-07-01T10:00:00Z');
    expect(
      milestones({ ...base, phase: 'ending', attendedBefore: 1, lastScheduledAt: last }),
    ).toEqual([{ kind: 'planned-ending', at: last, detail: expect.any(String) }]);
  });

  it('marks an anniversary within the next two weeks', () => {
    const reference = new Date('2026-02-20T10:00:00Z');
    expect(milestones({ ...base, reference, attendedBefore: 1 })).toEqual([
      {
        kind: 'episode-anniversary',
        at: new Date('2026-03-01T10:00:00Z'),
        detail: '1 year since this episode opened.',
      },
    ]);
  });
});
