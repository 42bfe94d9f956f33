import { describe, expect, it } from 'vitest';
import { sharingWords } from './progress-sharing';
import { dateTicks } from './score-chart';

const base = { episodeId: '00000000-0000-4000-8000-000000000000' };

describe('sharingWords', () => {
  it('says since when and what the client sees when shared', () => {
    const words = sharingWords(
      {
        ...base,
        shared: 'all',
        since: '2026-11-03T10:00:00Z',
        instrumentsWithScores: ['phq-9', 'gad-7'],
      },
      'Sam',
    );
    expect(words).toMatch(
      /^Shared with Sam since .*2026\. Sam sees a plain-language summary of every questionnaire \(now PHQ-9 and GAD-7\)/,
    );
  });

  it('names the listed questionnaires when only some are shared', () => {
    const words = sharingWords(
      {
        ...base,
        shared: ['phq-9'],
        since: '2026-11-03T10:00:00Z',
        instrumentsWithScores: ['phq-9', 'gad-7'],
      },
      'Sam',
    );
    expect(words).toContain('a plain-language summary of PHQ-9 in their portal');
  });

  it('says what sharing would show, or that there is nothing to share yet', () => {
    expect(
      sharingWords({ ...base, shared: null, since: null, instrumentsWithScores: ['phq-9'] }, 'Jo'),
    ).toMatch(/^Not shared\. Sharing shows Jo a plain-language summary of their PHQ-9 score /);
    expect(
      sharingWords({ ...base, shared: null, since: null, instrumentsWithScores: [] }, 'Jo'),
    ).toMatch(/^Not shared\. There are no questionnaire scores yet/);
  });
});

describe('dateTicks', () => {
  it('keeps every date when there are few, and the first and last when thinning', () => {
    expect(dateTicks([3, 1, 2, 2])).toEqual([1, 2, 3]);
    const many = Array.from({ length: 11 }, (_, i) => i * 10);
    const ticks = dateTicks(many, 5);
    expect(ticks).toHaveLength(5);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(100);
  });
});
