import { describe, expect, it } from 'vitest';
import { supervisedSections } from './shared-parts';

describe("the supervisor's view", () => {
  it('shows the score charts and goals when the consent names them', () => {
    expect(supervisedSections(['goals', 'notes', 'scores'])).toEqual(['notes', 'scores', 'goals']);
  });

  it('shows only the parts the consent names', () => {
    expect(supervisedSections(['notes'])).toEqual(['notes']);
    expect(supervisedSections(['boundary-log', 'scores'])).toEqual(['scores', 'boundary-log']);
    expect(supervisedSections([])).toEqual([]);
  });
});
