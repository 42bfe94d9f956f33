import { listGoalReviews, listGoals, readPortalPlan } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actingAs } from '../operator';
import { createHarness, type Harness } from '../testing/harness';
import { seedDemo } from './seed';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

it("seeds Sam's plan: two goals in their words, acknowledged, two rising reviews, one item", async () => {
  // seedDemo includes the goals (seedDemoGoals).
  const seed = await seedDemo(h.services);
  const maya = seed.staff.get('maya@demo.throughline.test');
  const sam = seed.clients.get('sam@demo.throughline.test');
  const episodeId = sam?.episodeIds.at(-1) ?? '';
  const asMaya = actingAs(h.services, {
    id: maya?.id ?? '',
    practiceId: seed.practiceId,
    role: 'therapist',
  });
  const goals = await listGoals(asMaya, episodeId);
  expect(goals.map((g) => g.clientWords)).toEqual([
    'Fall asleep within 30 minutes on work nights',
    'Use music to calm down before a shift',
  ]);
  const reviews = await listGoalReviews(asMaya, episodeId);
  expect(reviews).toHaveLength(2);
  expect(reviews[1]?.tScore ?? 0).toBeGreaterThan(reviews[0]?.tScore ?? 0);
  const samUser = await h.services.db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM clients WHERE id = ${sam?.clientId ?? ''}`,
  );
  const asSam = actingAs(h.services, {
    id: samUser.rows[0]?.user_id ?? '',
    practiceId: seed.practiceId,
    role: 'client',
  });
  const plan = await readPortalPlan(asSam);
  expect(plan?.acknowledgedAt).not.toBe(null);
  expect(plan?.goals).toHaveLength(2);
  const items = await h.services.db.execute(
    sql`SELECT id FROM discussion_items WHERE episode_id = ${episodeId} AND resolved_at IS NULL`,
  );
  expect(items.rows).toHaveLength(1);
});
