import { describe, expect, it } from 'vitest';
import { planTherapist } from './plan';

const input = {
  seed: 13,
  size: 'S' as const,
  anchor: new Date('2026-11-28T00:00:00Z'),
  practiceId: '00000000-0000-4000-8000-000000000001',
  passwordHash: '$argon2id$synthetic',
  contactTerms: '{"v":1}',
  timeZone: 'Europe/London',
};

describe('the synthetic practice plan', () => {
  it('gives the same rows for the same seed', () => {
    const a = planTherapist(input, 0);
    const b = planTherapist(input, 0);
    expect(a.rows.appointments.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });

  it('gives other rows for another seed or another therapist', () => {
    const a = planTherapist(input, 0);
    expect(planTherapist({ ...input, seed: 14 }, 0).rows.episodes).not.toEqual(a.rows.episodes);
    expect(planTherapist(input, 1).therapistId).not.toBe(a.therapistId);
  });

  it('spreads phases, attendance and alerts the way a practice has them', () => {
    const { rows } = planTherapist({ ...input, size: 'M' }, 3);
    const phases = new Set(rows.episodes.map((e) => e[4]));
    expect([...phases].sort()).toEqual(['active', 'aftercare', 'closed', 'ending', 'intake']);
    const statuses = new Set(rows.appointments.map((a) => a[6]));
    expect([...statuses].sort()).toEqual(['attended', 'cancelled', 'no-show', 'scheduled']);
    expect(rows.alerts.some((a) => a[4] === 'reliable-deterioration')).toBe(true);
    // Every response's total is what the clinical core scores from its answers.
    for (const r of rows.responses.slice(0, 50)) {
      const answers = JSON.parse((r[6] as { plaintext: string }).plaintext) as number[];
      expect(answers.reduce((s, n) => s + n, 0)).toBe(r[7]);
    }
  });
});
