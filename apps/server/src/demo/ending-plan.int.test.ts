import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import { getEndingPlan, getEpisode, type Services } from '@throughline/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actingAs } from '../operator';
import { createServicesForTest } from '../testing/harness';
import { type DemoSeed, seedDemo } from './seed';

let database: TestDatabase;
let services: Services;
let seed: DemoSeed;

beforeAll(async () => {
  database = await createTestDatabase(inject('database'));
  services = await createServicesForTest(database);
  seed = await seedDemo(services);
});
afterAll(async () => database?.drop());

describe("the demo: Jo's earlier episode ended by a plan both agreed", () => {
  it("has version 2 (Jo's change) accepted by both, which moved it to ending", async () => {
    const maya = seed.staff.get('maya@demo.throughline.test');
    const [earlier] = seed.clients.get('jordan@demo.throughline.test')?.episodeIds ?? [];
    if (!maya || !earlier) throw new Error('demo cast missing');
    const ctx = actingAs(services, { id: maya.id, practiceId: maya.practiceId, role: 'therapist' });
    const plan = await getEndingPlan(ctx, earlier);
    expect(plan).toMatchObject({
      version: 2,
      state: 'accepted',
      agreedVersion: 2,
      proposedBy: 'client',
    });
    expect(plan.history.map((v) => [v.version, v.proposedBy, v.state])).toEqual([
      [2, 'client', 'accepted'],
      [1, 'therapist', 'superseded'],
    ]);
    expect(plan.terms.checkIns.map((c) => c.afterMonths)).toEqual([1, 3, 6]);
    expect(plan.terms.relapsePrevention.warningSigns.length).toBeGreaterThan(0);
    expect(plan.terms.relapsePrevention.whatHelps).toContain(
      'Playing guitar before bed, not my phone',
    );
    const episode = await getEpisode(ctx, earlier);
    const ending = episode.phaseHistory.find((c) => c.to === 'ending');
    expect(ending?.reason).toBe('Ending plan version 2 agreed by both.');
    expect(plan.acceptedAt?.getTime()).toBe(ending?.changedAt.getTime());
    expect(episode.phase).toBe('closed');
  });
});
