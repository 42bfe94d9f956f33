import { describe, expect, it } from 'vitest';
import { clientBandWords, scoreInClientWords } from './client-wording';
import { INSTRUMENTS } from './index';

describe('clientBandWords', () => {
  it('words every band label a shipped instrument can give', () => {
    for (const d of INSTRUMENTS) {
      for (const band of d.bands) {
        expect(clientBandWords(band.label), `${d.key}: ${band.label}`).not.toBeNull();
      }
    }
  });

  it('never says a screening label as a condition', () => {
    expect(clientBandWords('likely-depression')).toBe('very low wellbeing');
    expect(clientBandWords('probable-ptsd')).toBe('above the screening cut-off');
    for (const d of INSTRUMENTS) {
      for (const band of d.bands) {
        expect(clientBandWords(band.label)).not.toMatch(/depress|ptsd|disorder|probable|likely/i);
      }
    }
  });

  it('shows nothing for a label it does not know, or no band', () => {
    expect(clientBandWords('new-diagnostic-label')).toBeNull();
    expect(clientBandWords('toString')).toBeNull();
    expect(clientBandWords(null)).toBeNull();
  });

  it("writes a score with its band in the client's words, or alone", () => {
    expect(scoreInClientWords(9, 'poor-wellbeing')).toBe('9 (low wellbeing)');
    expect(scoreInClientWords(16, 'moderately-severe')).toBe('16 (moderately severe)');
    expect(scoreInClientWords(7, 'new-diagnostic-label')).toBe('7');
    expect(scoreInClientWords(7, null)).toBe('7');
  });
});
