import { createTestDatabase, type TestDatabase } from '@throughline/db/testing';
import {
  getEnding,
  getEpisode,
  listClients,
  listEpisodeAppointments,
  listNotes,
  readClientAccessReport,
  type Services,
} from '@throughline/domain';
import { DateTime } from 'luxon';

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
    expect(closed.phaseHistory.map((c) => c.to)).toEqual([
      'intake',
      'active',
      'ending',
      'aftercare',
      'closed',
    ]);
    // The ending is recorded, not a bare flip (issue 11).
    expect(await getEnding(maya, earlier ?? '')).toMatchObject({ kind: 'planned' });
    const returning = await getEpisode(maya, current ?? '');
    expect(returning).toMatchObject({ phase: 'intake', previousEpisodeIds: [earlier] });

    const daniel = asStaff('daniel@demo.throughline.test');
    const [priyaEpisode] = seed.clients.get('priya@demo.throughline.test')?.episodeIds ?? [];
    expect((await getEpisode(daniel, priyaEpisode ?? '')).phase).toBe('intake');
  });

  it("lists Sam's notes by their sessions' distinct dates, and leaves Jo's session of today to note", async () => {
    const maya = asStaff('maya@demo.throughline.test');
    const [samEpisode] = seed.clients.get('sam@demo.throughline.test')?.episodeIds ?? [];
    const notes = await listNotes(maya, samEpisode ?? '');
    expect(notes).toHaveLength(3);
    const dates = notes.map((n) => n.session?.startsAt.toISOString());
    expect(new Set(dates).size).toBe(3);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const n of notes) {
      expect(n.session?.timeZone).toBe('Europe/London');
      expect(n.createdAt.getTime()).toBeGreaterThan(n.session?.startsAt.getTime() ?? Infinity);
    }

    const [, jordanEpisode] = seed.clients.get('jordan@demo.throughline.test')?.episodeIds ?? [];
    const sessions = await listEpisodeAppointments(maya, { episodeId: jordanEpisode ?? '' });
    const today = DateTime.now().setZone('Europe/London').toISODate();
    const begun = sessions.filter((a) => a.startsAt.getTime() <= Date.now());
    expect(begun).toHaveLength(1);
    expect(begun[0]).toMatchObject({ status: 'scheduled', timeZone: 'Europe/London' });
    expect(begun[0]?.localStart.slice(0, 10)).toBe(today);
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
