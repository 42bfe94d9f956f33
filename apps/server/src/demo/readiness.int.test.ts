import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import { readReadiness, type Services } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actingAs } from '../operator';
import { createServicesForTest } from '../testing/harness';
import { type DemoSeed, seedDemo } from './seed';

let database: TestDatabase;
let services: Services;
let seed: DemoSeed;
let episodeId: string;

beforeAll(async () => {
  database = await createTestDatabase(inject('database'));
  services = await createServicesForTest(database);
  seed = await seedDemo(services);
  episodeId = seed.clients.get('sam@demo.throughline.test')?.episodeIds.at(-1) ?? '';
});
afterAll(async () => database?.drop());

const asMaya = () => {
  const maya = seed.staff.get('maya@demo.throughline.test');
  if (!maya) throw new Error('no Maya');
  return actingAs(services, { id: maya.id, practiceId: maya.practiceId, role: 'therapist' });
};
const asSam = async () => {
  const sam = seed.clients.get('sam@demo.throughline.test');
  const row = await services.db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM clients WHERE id = ${sam?.clientId ?? ''}`,
  );
  return actingAs(services, {
    id: row.rows[0]?.user_id ?? '',
    practiceId: seed.practiceId,
    role: 'client',
  });
};

describe("Sam's readiness review (demo)", () => {
  it('gathers the evidence for Maya: goals, scores against cut-offs, outcome, alliance', async () => {
    const r = await readReadiness(asMaya(), episodeId);
    expect(r.viewer).toBe('therapist');
    expect(r.clientName).toBe('Sam Rivera');
    expect(r.clientPronouns).toBe('they/them');
    const attended = await services.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM appointments WHERE episode_id = ${episodeId} AND status = 'attended'`,
    );
    expect(r.evidence.sessionsAttended).toBe(attended.rows[0]?.n);
    expect(r.evidence.sessionsAttended).toBeGreaterThan(3);
    // Two goals at their latest review: As expected (0) and Somewhat more (+1).
    expect(r.evidence.goals.map((g) => g.latestLevel).sort()).toEqual([0, 1]);
    const phq = r.evidence.measures?.find((m) => m.instrument === 'phq-9');
    expect(phq).toMatchObject({
      first: 16,
      recent: 8,
      caseAtStart: true,
      caseNow: false,
      category: 'recovered',
      reliableChange: 6,
      cutoff: { value: 10, case: 'at-least' },
    });
    const gad = r.evidence.measures?.find((m) => m.instrument === 'gad-7');
    expect(gad).toMatchObject({ first: 14, recent: 6, category: 'recovered' });
    // Session feedback is the alliance, not a measure with a cut-off.
    expect(r.evidence.measures?.some((m) => m.instrument === 'session-feedback')).toBe(false);
    expect(r.evidence.alliance).toMatchObject({ latest: 40, max: 40, dropOpen: false });
    expect(r.evidence.outcome).toMatchObject({
      eligible: true,
      provisional: true,
      recovered: true,
      reliableImprovement: true,
    });
    expect(r.evidence.notOnTrack).toEqual({ open: false, sources: [] });
    expect(r.evidence.openThreads).not.toBeNull();
    // Goals met and scores below the cut-off for weeks: the brief's rule suggests the review.
    expect(r.suggestion?.suggested).toBe(true);
    expect(r.suggestion?.reasons.map((x) => x.kind)).toEqual(['goals-met', 'below-cutoff']);
  });

  it('shows both views, the newest of each side, and that they differ a little', async () => {
    const r = await readReadiness(asMaya(), episodeId);
    expect(r.current.client).toMatchObject({ level: 3, party: 'client', givenBy: 'Sam Rivera' });
    expect(r.current.client?.words).toContain('not sure yet');
    expect(r.current.therapist).toMatchObject({ level: 4, party: 'therapist' });
    expect(r.current.therapist?.givenBy).toContain('Maya');
    expect(r.disagreement).toEqual({ differs: true, by: 1 });
    expect(r.history.map((v) => v.level)).toEqual([4, 3, 2]);
  });

  it('shows Sam their goals, sessions and homework, but not the scores or the rule', async () => {
    const r = await readReadiness(await asSam(), episodeId);
    expect(r.viewer).toBe('client');
    expect(r.suggestion).toBeNull();
    expect(r.evidence.measures).toBeNull();
    expect(r.evidence.outcome).toBeNull();
    expect(r.evidence.alliance).toBeNull();
    expect(r.evidence.openThreads).toBeNull();
    expect(r.evidence.goals.length).toBe(2);
    expect(r.evidence.goals.every((g) => g.latestLevel === null)).toBe(true);
    expect(r.current.therapist?.level).toBe(4);
    expect(r.disagreement?.differs).toBe(true);
  });
});
