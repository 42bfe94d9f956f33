import { listPortalMeasureTasks } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actingAs } from '../operator';
import { createHarness, type Harness } from '../testing/harness';
import { seedDemoMeasureTasks } from './measure-tasks';
import { seedDemo } from './seed';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

it('gives Sam open questionnaires for their next session', async () => {
  const seed = await seedDemo(h.services);
  const sam = seed.clients.get('sam@demo.throughline.test');
  // seedDemo already books Sam's weekly sessions (seedDemoContinuity).
  const result = await seedDemoMeasureTasks(h.services, seed);
  expect(result?.tasks).toBeGreaterThanOrEqual(2);
  const user = await h.services.db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM clients WHERE id = ${sam?.clientId}`,
  );
  const tasks = await listPortalMeasureTasks(
    actingAs(h.services, {
      id: user.rows[0]?.user_id ?? '',
      practiceId: seed.practiceId,
      role: 'client',
    }),
  );
  expect(tasks.map((t) => t.instrument)).toEqual(expect.arrayContaining(['phq-9', 'gad-7']));
});
