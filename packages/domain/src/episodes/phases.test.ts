import { describe, expect, it } from 'vitest';
import { canChangePhase, nextPhases, PHASES, type Phase, phaseChangeRefusal } from './phases';

const ALLOWED: [Phase, Phase][] = [
  ['intake', 'active'],
  ['intake', 'closed'],
  ['active', 'ending'],
  ['active', 'closed'],
  ['ending', 'active'],
  ['ending', 'aftercare'],
  ['ending', 'closed'],
  ['aftercare', 'closed'],
];

describe('episode phase transitions', () => {
  it('allows exactly the listed moves and nothing else', () => {
    const allowed = new Set(ALLOWED.map(([from, to]) => `${from}>${to}`));
    for (const from of PHASES) {
      for (const to of PHASES) {
        expect(canChangePhase(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
        expect(phaseChangeRefusal(from, to) === undefined).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it('never lets an episode stay in its phase by a "change"', () => {
    for (const phase of PHASES) expect(canChangePhase(phase, phase)).toBe(false);
  });

  it('makes closed final', () => {
    expect(nextPhases('closed')).toEqual([]);
    expect(phaseChangeRefusal('closed', 'active')).toMatch(/new episode/);
  });

  it('names the allowed next phases when refusing', () => {
    expect(phaseChangeRefusal('intake', 'aftercare')).toBe(
      'An episode in intake cannot move to aftercare. From intake it can move to: active, closed.',
    );
    expect(phaseChangeRefusal('aftercare', 'active')).toMatch(/: closed\.$/);
  });
});
