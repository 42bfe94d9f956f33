import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import { readBrief, readEndingSummary, type Services } from '@throughline/domain';
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

describe("Jo's first course in the demo (issue 11)", () => {
  it('ended with a shared summary Jo can read, and her return starts from it', async () => {
    const jordan = seed.clients.get('jordan@demo.throughline.test');
    const maya = seed.staff.get('maya@demo.throughline.test');
    const [earlier, current] = jordan?.episodeIds ?? [];
    if (!jordan || !maya || !earlier || !current) throw new Error('demo cast incomplete');
    const user = await services.db.execute<{ user_id: string }>(
      sql`SELECT user_id FROM clients WHERE id = ${jordan.clientId}`,
    );
    const jo = actingAs(services, {
      id: user.rows[0]?.user_id ?? '',
      practiceId: seed.practiceId,
      role: 'client',
    });
    const summary = await readEndingSummary(jo, earlier);
    expect(summary).toMatchObject({ state: 'shared', version: 1, client: { name: 'Jo' } });
    expect(summary.words.greeting).toMatch(/^Dear Jo,/);
    expect(summary.facts).toMatchObject({ attendedSessions: 12 });
    expect(summary.facts.outcome).toMatchObject({ reliableRecovery: true, provisional: false });
    expect(summary.facts.goals).toHaveLength(2);

    const brief = await readBrief(
      actingAs(services, { id: maya.id, practiceId: maya.practiceId, role: 'therapist' }),
      { episodeId: current },
    );
    const before = brief.sections.beforeThisEpisode;
    expect(before?.episodeId).toBe(earlier);
    expect(before?.summary?.sharedAt).toBeInstanceOf(Date);
    expect(before?.relapsePrevention?.whatHelps).toContain('The wind-down playlist at night');
    // The course's PHQ-9 and GAD-7, and the single PHQ-4 and WHO-5 of her 1-month check-in.
    const scores = before?.facts.scores.map((s) => [s.instrument, s.category]) ?? [];
    expect(scores).toHaveLength(4);
    expect(scores).toEqual(
      expect.arrayContaining([
        ['phq-9', 'recovered'],
        ['gad-7', 'recovered'],
        ['phq-4', null],
        ['who-5', null],
      ]),
    );
  });
});
