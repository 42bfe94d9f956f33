import { describe, expect, it } from 'vitest';
import { answerRange, findInstrument, getInstrument, INSTRUMENTS } from './index';

describe('instrument definitions', () => {
  it('ships the eight default instruments, each versioned and attributed', () => {
    expect(INSTRUMENTS.map((d) => d.key)).toEqual([
      'phq-9',
      'gad-7',
      'phq-4',
      'who-5',
      'k10',
      'pcl-5',
      'core-10',
      'session-feedback',
    ]);
    for (const d of INSTRUMENTS) {
      expect(d.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(d.license.length).toBeGreaterThan(10);
      expect(d.attribution.length).toBeGreaterThan(10);
      expect(d.items.map((i) => i.number)).toEqual(d.items.map((_, i) => i + 1));
      for (const item of d.items) expect(item.text.trim()).not.toBe('');
    }
  });

  it.each([
    ['phq-9', 9, 0, 3],
    ['gad-7', 7, 0, 3],
    ['phq-4', 4, 0, 3],
    ['who-5', 5, 0, 5],
    ['k10', 10, 1, 5],
    ['pcl-5', 20, 0, 4],
    ['core-10', 10, 0, 4],
    ['session-feedback', 4, 0, 10],
  ])('%s has %i items rated %i–%i', (key, count, min, max) => {
    const d = getInstrument(key);
    expect(d.items).toHaveLength(count);
    expect(answerRange(d)).toEqual({ min, max });
  });

  it('carries the LOINC codes of CLINICAL.md §5', () => {
    const phq9 = getInstrument('phq-9');
    expect(phq9.codes?.[0]).toMatchObject({ panel: '44249-1', total: '44261-6' });
    expect(phq9.items[8]?.loinc).toBe('44260-8');
    expect(phq9.options.map((o) => o.code)).toEqual([
      'LA6568-5',
      'LA6569-3',
      'LA6570-1',
      'LA6571-9',
    ]);
    expect(getInstrument('gad-7').codes?.[0]).toMatchObject({ panel: '69737-5', total: '70274-6' });
    expect(getInstrument('phq-4').codes?.[0]?.subscales).toEqual({ 'phq-2': '55758-7' });
  });

  it('marks CORE-10 items 2 and 3 (only) as reverse-scored', () => {
    const reversed = getInstrument('core-10').items.filter((i) => i.reverseScored);
    expect(reversed.map((i) => i.number)).toEqual([2, 3]);
  });

  it('session feedback is marked as not validated', () => {
    expect(getInstrument('session-feedback').validated).toBe(false);
  });

  it('finds nothing for an unknown key and throws from getInstrument', () => {
    expect(findInstrument('oq-45')).toBeUndefined();
    expect(() => getInstrument('oq-45')).toThrow(/Unknown instrument/);
  });
});
