import { describe, expect, it } from 'vitest';
import { plainResult } from './plain-result';

const options = [0, 1, 2, 3].map((value) => ({ value, label: String(value) }));

describe('plainResult', () => {
  it('words a range band with the clinical core’s client wording', () => {
    expect(plainResult({ total: 12, band: 'moderately-severe' }, 9, options)).toBe(
      'Your score was 12 of 27 (moderately severe).',
    );
  });

  it('says a screening label as where the score sits, the same as the portal progress', () => {
    expect(plainResult({ total: 40, band: 'probable-ptsd' }, 20, options)).toBe(
      'Your score was 40 of 60 (above the screening cut-off).',
    );
  });

  it('leaves out a band that has no client wording', () => {
    expect(plainResult({ total: 5, band: 'some-new-label' }, 9, options)).toBe(
      'Your score was 5 of 27.',
    );
  });

  it('gives a percentage score out of 100', () => {
    expect(plainResult({ total: 10, band: 'likely-depression', percentage: 40 }, 5, options)).toBe(
      'Your score was 40 out of 100.',
    );
  });
});
