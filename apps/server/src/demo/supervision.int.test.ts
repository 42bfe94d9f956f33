import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import {
  listBoundaryEntries,
  listSupervisedEpisodes,
  readBrief,
  readCaseload,
  type Services,
} from '@throughline/domain';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
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

it("Ruth supervises Maya and, with Sam's consent, reads Sam's episode and its boundary log", async () => {
  const ruth = seed.staff.get('ruth@demo.throughline.test');
  const sam = seed.clients.get('sam@demo.throughline.test');
  if (!ruth || !sam) throw new Error('demo cast missing');
  const asRuth = actingAs(services, {
    id: ruth.id,
    practiceId: ruth.practiceId,
    role: 'supervisor',
  });
  const episodes = await listSupervisedEpisodes(asRuth);
  expect(episodes.map((e) => e.clientName)).toEqual(['Sam Rivera']);
  expect(episodes[0]?.pronouns).toBe('they/them');
  expect(episodes[0]?.shares).toContain('boundary-log');
  const log = await listBoundaryEntries(asRuth, episodes[0]?.episodeId ?? '');
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ kind: 'gift', assessment: 'crossing' });
  expect(log[0]?.description).toContain('handmade card');
});

it("Daniel covers Jordan for Maya now: Maya's caseload, Daniel's brief and Daniel's caseload say so", async () => {
  const maya = seed.staff.get('maya@demo.throughline.test');
  const daniel = seed.staff.get('daniel@demo.throughline.test');
  const jordan = seed.clients.get('jordan@demo.throughline.test');
  const episodeId = jordan?.episodeIds.at(-1);
  if (!maya || !daniel || !episodeId) throw new Error('demo cast missing');
  const caseload = await readCaseload(
    actingAs(services, { id: maya.id, practiceId: maya.practiceId, role: 'therapist' }),
  );
  const covered = caseload.items.filter((i) => i.cover);
  expect(covered.map((i) => i.episodeId)).toEqual([episodeId]);
  expect(covered[0]?.cover?.designeeName).toBe('Daniel Reyes, LPC');
  expect(covered[0]?.cover?.endsAt.getTime()).toBeGreaterThan(services.now().getTime());
  const brief = await readBrief(
    actingAs(services, { id: daniel.id, practiceId: daniel.practiceId, role: 'therapist' }),
    { episodeId },
  );
  expect(brief.cover).toMatchObject({ therapistName: 'Maya Okafor, MT-BC', viewer: 'designee' });
  // Daniel's caseload lists Jordan's episode while the cover holds, marked as covered.
  const his = await readCaseload(
    actingAs(services, { id: daniel.id, practiceId: daniel.practiceId, role: 'therapist' }),
  );
  const jordans = his.items.find((i) => i.episodeId === episodeId);
  expect(jordans?.cover).toMatchObject({ therapistName: 'Maya Okafor, MT-BC', viewer: 'designee' });
  expect(jordans?.preferredName).toBe('Jo');
});
