import {
  getContactAgreement,
  listEpisodeAlerts,
  listMessages,
  readCaseload,
} from '@throughline/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actingAs } from '../operator';
import { createHarness, type Harness } from '../testing/harness';
import { seedDemo } from './seed';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

it("seeds Sam's accepted agreement and messages, and Jo's risk-language alert", async () => {
  const seed = await seedDemo(h.services);
  const maya = seed.staff.get('maya@demo.throughline.test');
  const asMaya = actingAs(h.services, {
    id: maya?.id ?? '',
    practiceId: seed.practiceId,
    role: 'therapist',
  });
  const samEpisode = seed.clients.get('sam@demo.throughline.test')?.episodeIds.at(-1) ?? '';
  const joEpisode = seed.clients.get('jordan@demo.throughline.test')?.episodeIds.at(-1) ?? '';

  const agreement = await getContactAgreement(asMaya, samEpisode);
  expect(agreement).toMatchObject({ version: 1, state: 'accepted', governingVersion: 1 });
  const messages = await listMessages(asMaya, samEpisode);
  expect(messages.items.map((m) => m.from)).toEqual(['client', 'therapist', 'client']);
  expect(messages.unread).toBe(1);

  // The caseload counts the unread message.
  const caseload = await readCaseload(asMaya);
  expect(caseload.items.find((e) => e.episodeId === samEpisode)?.attention).toContainEqual({
    kind: 'unread-messages',
    count: 1,
  });

  const alerts = await listEpisodeAlerts(asMaya, joEpisode);
  expect(alerts.find((a) => a.kind === 'risk-language')).toMatchObject({
    severity: 'urgent',
    inputs: { phrase: 'better off dead' },
  });
});
