import { describe, expect, it } from 'vitest';
import { getInstrument, INSTRUMENTS } from './index';
import { instrumentShortName, scoreRange } from './score-range';

describe('scoreRange', () => {
  it('is the sum-of-items range each scoring rule states', () => {
    expect(scoreRange(getInstrument('phq-9'))).toEqual({ min: 0, max: 27 });
    expect(scoreRange(getInstrument('gad-7'))).toEqual({ min: 0, max: 21 });
    expect(scoreRange(getInstrument('k10'))).toEqual({ min: 10, max: 50 });
    expect(scoreRange(getInstrument('pcl-5'))).toEqual({ min: 0, max: 80 });
    expect(scoreRange(getInstrument('core-10'))).toEqual({ min: 0, max: 40 });
    expect(scoreRange(getInstrument('session-feedback'))).toEqual({ min: 0, max: 40 });
  });

  it('WHO-5: 0–25 raw, 0–100 as a percentage', () => {
    expect(scoreRange(getInstrument('who-5'))).toEqual({ min: 0, max: 25 });
    expect(scoreRange(getInstrument('who-5'), 'percentage')).toEqual({ min: 0, max: 100 });
  });

  it("agrees with the range written in every instrument's scoring rule", () => {
    for (const d of INSTRUMENTS) {
      const { min, max } = scoreRange(d);
      expect(d.scoring.rule, d.key).toContain(`(${min}–${max})`);
    }
  });
});

describe('instrumentShortName', () => {
  it('takes the name in brackets, or the title when there is none', () => {
    expect(instrumentShortName(getInstrument('phq-9'))).toBe('PHQ-9');
    expect(instrumentShortName(getInstrument('core-10'))).toBe('CORE-10');
    expect(instrumentShortName(getInstrument('who-5'))).toBe('WHO-5 Well-Being Index');
    expect(instrumentShortName(getInstrument('session-feedback'))).toBe('Session feedback');
  });
});
