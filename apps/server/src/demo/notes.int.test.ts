import { randomUUID } from 'node:crypto';
import { listHomework, listNotes, listThreads } from '@throughline/domain';
import { episodes } from '@throughline/domain/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actingAs } from '../operator';
import { sealedTitle } from '../testing/episodes';
import { createHarness, type Harness } from '../testing/harness';
import { seedDemoNotes } from './notes';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

it('seeds signed music-therapy notes with an open thread and homework', async () => {
  const { therapist, client } = h.cast;
  const id = randomUUID();
  const [episode] = await h.services.db
    .insert(episodes)
    .values({
      id,
      practiceId: therapist.practiceId,
      clientId: client.clientId ?? '',
      therapistId: therapist.userId,
      title: await sealedTitle(h.services, therapist.practiceId, id, 'Music therapy'),
      phase: 'active',
    })
    .returning();
  const episodeId = episode?.id ?? '';
  const seeded = await seedDemoNotes(h.services, {
    episodeId,
    therapist: { id: therapist.userId, practiceId: therapist.practiceId },
    sessions: [],
  });
  expect(seeded.noteIds).toHaveLength(3);
  const ctx = actingAs(h.services, {
    id: therapist.userId,
    practiceId: therapist.practiceId,
    role: 'therapist',
  });
  expect((await listNotes(ctx, episodeId)).every((n) => n.status === 'signed')).toBe(true);
  expect((await listThreads(ctx, episodeId)).map((t) => t.title)).toEqual(['Sleep before shifts']);
  expect((await listHomework(ctx, episodeId)).map((w) => w.title)).toEqual(['Evening playlist']);
});
