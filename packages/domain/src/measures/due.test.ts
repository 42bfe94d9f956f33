import { describe, expect, it } from 'vitest';
import { type DueInput, dueInstruments } from './due';
import { DEFAULT_MEASUREMENT_PLAN } from './plan-defaults';

const at = new Date('2026-03-10T10:00:00Z');
const daysBefore = (d: number): Date => new Date(at.getTime() - d * 86_400_000);

function due(partial: Partial<DueInput>): string[] {
  return dueInstruments({
    plan: [],
    sessionNumber: 1,
    at,
    phase: 'active',
    lastActivity: new Map(),
    ...partial,
  }).map((d) => d.instrument);
}

const one = (
  schedule: DueInput['plan'][number]['schedule'],
  everyN: number | null = null,
  instrument = 'x',
): DueInput['plan'] => [{ instrument, schedule, everyN, active: true }];

describe('dueInstruments', () => {
  it('default plan: PHQ-9 and GAD-7 at the first session; session feedback from the second', () => {
    expect(due({ plan: DEFAULT_MEASUREMENT_PLAN, sessionNumber: 1 })).toEqual(['phq-9', 'gad-7']);
    expect(due({ plan: DEFAULT_MEASUREMENT_PLAN, sessionNumber: 2 })).toEqual([
      'phq-9',
      'gad-7',
      'session-feedback',
    ]);
  });

  it('skips inactive items (CORE-10 is off by default)', () => {
    expect(due({ plan: DEFAULT_MEASUREMENT_PLAN, sessionNumber: 5 })).not.toContain('core-10');
    expect(
      due({
        plan: [
          { instrument: 'k10', schedule: 'before-every-session', everyN: null, active: false },
        ],
      }),
    ).toEqual([]);
  });

  it('before-every-session is always due', () => {
    for (const n of [1, 2, 7, 30])
      expect(due({ plan: one('before-every-session'), sessionNumber: n })).toEqual(['x']);
  });

  it('every-n-sessions: sessions 1, n+1, 2n+1 …', () => {
    const hits = Array.from({ length: 12 }, (_, i) => i + 1).filter(
      (n) => due({ plan: one('every-n-sessions', 4), sessionNumber: n }).length > 0,
    );
    expect(hits).toEqual([1, 5, 9]);
    expect(due({ plan: one('every-n-sessions', 1), sessionNumber: 3 })).toEqual(['x']);
  });

  it('every-n-sessions without a valid n is never due', () => {
    expect(due({ plan: one('every-n-sessions', null), sessionNumber: 1 })).toEqual([]);
    expect(due({ plan: one('every-n-sessions', 0), sessionNumber: 1 })).toEqual([]);
  });

  it.each([
    ['weekly', 7],
    ['monthly', 30],
  ] as const)('%s: due unless asked or answered in the last %i days', (schedule, days) => {
    const plan = one(schedule);
    expect(due({ plan })).toEqual(['x']);
    expect(due({ plan, lastActivity: new Map([['x', daysBefore(days - 1)]]) })).toEqual([]);
    // Exactly the period ago: due again (a weekly session keeps its weekly measure).
    expect(due({ plan, lastActivity: new Map([['x', daysBefore(days)]]) })).toEqual(['x']);
    expect(due({ plan, lastActivity: new Map([['x', daysBefore(days + 3)]]) })).toEqual(['x']);
    // Another instrument's activity does not count.
    expect(due({ plan, lastActivity: new Map([['y', daysBefore(1)]]) })).toEqual(['x']);
  });

  it('intake-and-ending: the first session, and once in the ending phase', () => {
    const plan = one('intake-and-ending');
    expect(due({ plan, sessionNumber: 1, phase: 'intake' })).toEqual(['x']);
    expect(due({ plan, sessionNumber: 3, phase: 'active' })).toEqual([]);
    const endingSince = daysBefore(10);
    expect(
      due({
        plan,
        sessionNumber: 9,
        phase: 'ending',
        endingSince,
        lastActivity: new Map([['x', daysBefore(60)]]),
      }),
    ).toEqual(['x']);
    expect(
      due({
        plan,
        sessionNumber: 10,
        phase: 'ending',
        endingSince,
        lastActivity: new Map([['x', daysBefore(3)]]),
      }),
    ).toEqual([]);
    expect(due({ plan, sessionNumber: 9, phase: 'ending', endingSince })).toEqual(['x']);
  });

  it('session feedback rates the previous session, so never before the first', () => {
    expect(
      due({ plan: one('before-every-session', null, 'session-feedback'), sessionNumber: 1 }),
    ).toEqual([]);
    expect(due({ plan: one('every-n-sessions', 2, 'session-feedback'), sessionNumber: 3 })).toEqual(
      ['session-feedback'],
    );
  });

  it('names the rule that made each instrument due', () => {
    const [first] = dueInstruments({
      plan: one('every-n-sessions', 4),
      sessionNumber: 5,
      at,
      phase: 'active',
      lastActivity: new Map(),
    });
    expect(first?.reason).toBe('every 4 sessions (session 5)');
  });

  it('every n weeks: due when nothing was asked or answered in the last n × 7 days', () => {
    const plan = one('every-n-weeks', 3);
    expect(due({ plan })).toEqual(['x']);
    expect(due({ plan, lastActivity: new Map([['x', daysBefore(20)]]) })).toEqual([]);
    expect(due({ plan, lastActivity: new Map([['x', daysBefore(21)]]) })).toEqual(['x']);
  });

  it('once: asked until it has been asked or answered on or after its start day', () => {
    const plan = one('once');
    expect(due({ plan })).toEqual(['x']);
    expect(due({ plan, lastActivity: new Map([['x', daysBefore(100)]]) })).toEqual([]);
    const from = [{ ...plan[0], startsOn: '2026-03-05' }] as DueInput['plan'];
    // Asked before the start day: it counts as not yet asked.
    expect(
      due({ plan: from, atDay: '2026-03-10', lastActivity: new Map([['x', daysBefore(7)]]) }),
    ).toEqual(['x']);
    expect(
      due({ plan: from, atDay: '2026-03-10', lastActivity: new Map([['x', daysBefore(2)]]) }),
    ).toEqual([]);
  });

  it("nothing is due before an item's start day, in the client's calendar", () => {
    const plan = [
      { ...one('before-every-session')[0], startsOn: '2026-03-11' },
    ] as DueInput['plan'];
    expect(due({ plan, atDay: '2026-03-10' })).toEqual([]);
    expect(due({ plan, atDay: '2026-03-11' })).toEqual(['x']);
  });
});
