import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import { listAftercareQueue, listCheckIns, type Services } from '@throughline/domain';
import { sql } from 'drizzle-orm';
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

describe("Jo's check-ins after her first course (issue 11)", () => {
  it('1 month answered, 3 months unanswered, 6 months cancelled; nothing due left scheduled', async () => {
    const jordan = seed.clients.get('jordan@demo.throughline.test');
    const maya = seed.staff.get('maya@demo.throughline.test');
    const earlier = jordan?.episodeIds[0];
    if (!jordan || !maya || !earlier) throw new Error('demo cast incomplete');
    const asMaya = actingAs(services, {
      id: maya.id,
      practiceId: maya.practiceId,
      role: 'therapist',
    });
    const items = await listCheckIns(asMaya, earlier);
    expect(items.map((i) => [i.afterMonths, i.status])).toEqual([
      [1, 'answered'],
      [3, 'unanswered'],
      [6, 'cancelled'],
    ]);

    const answer = await services.db.execute<{ words: unknown; wants_to_talk: boolean; n: number }>(
      sql`SELECT words, wants_to_talk, jsonb_array_length(response_ids) AS n FROM check_ins
          WHERE episode_id = ${earlier} AND after_months = 1`,
    );
    expect(answer.rows[0]).toMatchObject({ wants_to_talk: false, n: 2 });
    expect(answer.rows[0]?.words).not.toBeNull();

    // Starting the demo sends no old invitation: nothing scheduled or open in the past, no
    // check-in e-mail in the outbox.
    const open = await services.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM check_ins
          WHERE status IN ('scheduled', 'invited', 'reminded') AND due_at < now()`,
    );
    expect(open.rows[0]?.n).toBe(0);
    const mail = await services.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM outbox_messages WHERE subject ILIKE '%check-in%'`,
    );
    expect(mail.rows[0]?.n).toBe(0);

    // A little worse, not reliably, no wish to talk: the queue stays empty for Maya.
    const queue = await listAftercareQueue(asMaya);
    expect(queue.open).toBe(0);
  });
});
