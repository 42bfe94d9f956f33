import { describe, expect, it } from 'vitest';
import { findUnreadable } from './readable';

const rules = (text: string): string[] => findUnreadable(text).map((f) => f.rule);

describe('findUnreadable', () => {
  it('finds what the walk-through found on screen', () => {
    expect(rules('Objectives: ["Listen to the loop"]')).toContain('raw JSON');
    expect(rules('Latest rating: {"level":0,"comment":"fine"}')).toContain('raw JSON');
    expect(rules('rated 2026-11-17T14:25:36.755Z')).toEqual(['ISO timestamp']);
    expect(rules('Role: practice_admin')).toEqual(['internal code']);
    expect(rules('SESSION-FEEDBACK 4 → 6')).toEqual(['internal code']);
    expect(rules('10:00 AM (America/New_York)')).toEqual(['time-zone identifier']);
    expect(rules('Next session: undefined')).toEqual(['undefined or null']);
    expect(rules('below the cut-off (phq-9, gad-7)')).toEqual(['instrument key', 'instrument key']);
  });

  it('leaves what people write and read alone', () => {
    const ordinary = [
      'Sam Rivera (they/them) · PHQ-9 score 12, moderate · GAD-7 · ORS',
      'Tue, Nov 24, 2026, 10:00 AM (London)',
      'Maya Okafor, MT-BC — "Listen to the loop" [done]',
      'sam@demo.throughline.test · +44 7700 900123 · 1/2 goals',
      'Plan: {write a verse} — the bracket is the client’s own',
    ];
    for (const text of ordinary) expect(findUnreadable(text), text).toEqual([]);
  });
});
