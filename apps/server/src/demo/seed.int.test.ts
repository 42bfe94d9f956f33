import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import {
  getEpisode,
  listClients,
  readClientAccessReport,
  type Services,
} from '@throughline/domain';
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

const DAY = 24 * 60 * 60 * 1000;

function asStaff(email: string) {
  const person = seed.staff.get(email);
  if (!person) throw new Error(`no ${email}`);
  return actingAs(services, {
    id: person.id,
    practiceId: person.practiceId,
    role: person.role,
  });
}

describe('demo seed', () => {
  it("gives Maya's and Daniel's clients their details and episodes", async () => {
    const maya = asStaff('maya@demo.throughline.test');
    const caseload = await listClients(maya, { limit: 50 });
    const byName = new Map(caseload.items.map((c) => [c.displayName, c]));
    expect(byName.get('Sam Rivera')).toMatchObject({
      pronouns: 'they/them',
      timeZone: 'Europe/London',
      status: 'active',
    });
    expect(byName.get('Jordan Lee')).toMatchObject({
      timeZone: 'America/New_York',
      status: 'active',
    });

    const sam = seed.clients.get('sam@demo.throughline.test');
    const [samEpisode] = sam?.episodeIds ?? [];
    const active = await getEpisode(maya, samEpisode ?? '');
    expect(active).toMatchObject({ phase: 'active', title: 'Music therapy — anxiety and sleep' });
    const age = (Date.now() - active.openedAt.getTime()) / DAY;
    expect(age).toBeGreaterThan(80);
    expect(age).toBeLessThan(100);

    const [earlier, current] = seed.clients.get('jordan@demo.throughline.test')?.episodeIds ?? [];
    const closed = await getEpisode(maya, earlier ?? '');
    expect(closed.phase).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.phaseHistory.map((c) => c.to)).toEqual(['intake', 'active', 'ending', 'closed']);
    const returning = await getEpisode(maya, current ?? '');
    expect(returning).toMatchObject({ phase: 'intake', previousEpisodeIds: [earlier] });

    const daniel = asStaff('daniel@demo.throughline.test');
    const [priyaEpisode] = seed.clients.get('priya@demo.throughline.test')?.episodeIds ?? [];
    expect((await getEpisode(daniel, priyaEpisode ?? '')).phase).toBe('intake');
  });

  it("gives Sam an access report that is not empty: Maya's reads before a session", async () => {
    const sam = seed.clients.get('sam@demo.throughline.test');
    const report = await readClientAccessReport(
      asStaff('admin@demo.throughline.test'),
      sam?.clientId ?? '',
      { limit: 200 },
    );
    const reads = report.items
      .filter((i) => i.actorName === 'Maya Okafor, MT-BC' && i.action === 'read')
      .map((i) => i.resourceType);
    expect(reads).toEqual(expect.arrayContaining(['details', 'session-note', 'brief']));
    expect(report.items.some((i) => i.resourceType === 'access-report')).toBe(true);
  });
});
