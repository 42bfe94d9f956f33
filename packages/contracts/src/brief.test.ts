import { describe, expect, it } from 'vitest';
import { briefSectionList, briefSectionsSchema } from './brief';

const milestone = { kind: 'review-due', at: null, detail: 'Review after 6 sessions' } as const;
const measure = {
  instrument: 'phq-9',
  title: 'PHQ-9',
  last: 8,
  band: 'mild',
  lastAt: new Date('2026-01-05T10:00:00Z'),
  changeSinceLast: -2,
  changeSinceFirst: -6,
  category: 'improved',
} as const;

describe('brief sections', () => {
  it('lists the present sections in display order, each tagged with its key', () => {
    const list = briefSectionList({ milestones: [milestone], measures: [measure] });
    expect(list.map((s) => s.key)).toEqual(['measures', 'milestones']);
    const first = list[0];
    // The union narrows by key: `items` is the measures' shape here.
    if (first?.key === 'measures') expect(first.items[0]?.instrument).toBe('phq-9');
    else throw new Error('measures first');
  });

  it('leaves out a section that is absent', () => {
    expect(briefSectionList({})).toEqual([]);
  });

  it('refuses a section whose items do not have its shape', () => {
    const bad = briefSectionsSchema.safeParse({ milestones: [{ ...milestone, kind: 'birthday' }] });
    expect(bad.success).toBe(false);
    expect(briefSectionsSchema.safeParse({ measures: [measure] }).success).toBe(true);
  });
});
