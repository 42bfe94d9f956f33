import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import {
  listCaseloadAlerts,
  listScores,
  readCaseload,
  readOutcome,
  readProgressSharing,
  type Services,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actingAs } from '../operator';
import { createServicesForTest } from '../testing/harness';
import { seedDemoMeasures } from './measures';
import { type DemoSeed, seedDemo } from './seed';

let database: TestDatabase;
let services: Services;
let seed: DemoSeed;

beforeAll(async () => {
  database = await createTestDatabase(inject('database'));
  services = await createServicesForTest(database);
  seed = await seedDemo(services);
  // Idempotence is the lead's wiring; here the measures are seeded once on a fresh demo.
  const seeded = await services.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM responses`,
  );
  if ((seeded.rows[0]?.n ?? 0) === 0) await seedDemoMeasures(services, seed);
});
afterAll(async () => database?.drop());

describe('demo measures', () => {
  it("Sam improves from moderate to mild; Jordan's intake PHQ-9 raises an urgent alert", async () => {
    const maya = seed.staff.get('maya@demo.throughline.test');
    if (!maya) throw new Error('no Maya');
    const ctx = actingAs(services, { ...maya, role: 'therapist' });
    const samEpisode = seed.clients.get('sam@demo.throughline.test')?.episodeIds.at(-1) ?? '';
    const { instruments } = await listScores(ctx, samEpisode);
    expect(instruments.find((i) => i.instrument === 'phq-9')).toMatchObject({
      first: 16,
      last: 8,
      category: 'recovered',
    });
    expect(instruments.find((i) => i.instrument === 'gad-7')).toMatchObject({
      first: 14,
      last: 6,
    });
    expect(await readOutcome(ctx, samEpisode)).toMatchObject({
      eligible: true,
      reliableRecovery: true,
    });
    const alerts = await listCaseloadAlerts(ctx);
    // Jo's message raised the second one (demo/contact.ts, issue 10).
    expect(alerts.map((a) => [a.displayName, a.kind, a.severity]).sort()).toEqual([
      ['Jordan Lee', 'risk-item', 'urgent'],
      ['Jordan Lee', 'risk-language', 'urgent'],
    ]);
    const caseload = await readCaseload(ctx);
    const jordan = caseload.items.find((e) => e.displayName === 'Jordan Lee');
    expect(jordan?.attention).toContainEqual({ kind: 'urgent-alerts', count: 2 });
  });

  it("Sam's progress is shared with them (since a past session); Jordan's is not", async () => {
    const maya = seed.staff.get('maya@demo.throughline.test');
    if (!maya) throw new Error('no Maya');
    const ctx = actingAs(services, { ...maya, role: 'therapist' });
    const samEpisode = seed.clients.get('sam@demo.throughline.test')?.episodeIds.at(-1) ?? '';
    const jordanEpisode = seed.clients.get('jordan@demo.throughline.test')?.episodeIds.at(-1) ?? '';
    const sam = await readProgressSharing(ctx, samEpisode);
    expect(sam.shared).toBe('all');
    expect(sam.since?.getTime()).toBeLessThan(services.now().getTime());
    expect(sam.instrumentsWithScores).toEqual(['phq-9', 'gad-7', 'who-5']);
    expect(await readProgressSharing(ctx, jordanEpisode)).toMatchObject({
      shared: null,
      since: null,
      instrumentsWithScores: ['phq-9'],
    });
  });
});
