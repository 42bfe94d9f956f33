import { randomUUID } from 'node:crypto';
import type { Services } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { sealedTitle } from './episodes';
import type { Person } from './harness';

/**
 * An episode of the therapist with the client already in `phase`, inserted directly: the ending
 * summary is written from the ending on, and a closed episode can sit beside the pair's open one
 * (which other tests and matrix rows share). How an episode reaches its ending is the ending
 * plan's business, tested with it; here only the summary's rules are under test.
 */
export async function endedEpisode(
  services: Services,
  therapist: Person,
  client: Person,
  input: { phase: 'ending' | 'aftercare' | 'closed'; openedAt: Date; previousEpisodeId?: string },
): Promise<string> {
  const id = randomUUID();
  const { practiceId } = therapist;
  const title = await sealedTitle(services, practiceId, id, 'Music therapy — before');
  const closedAt = input.phase === 'closed' ? services.now() : null;
  await services.db.execute(sql`
    INSERT INTO episodes (practice_id, id, client_id, therapist_id, phase, title, opened_at,
      closed_at, previous_episode_id)
    VALUES (${practiceId}, ${id}, ${client.clientId ?? ''}, ${therapist.userId}, ${input.phase},
      ${title}, ${input.openedAt}, ${closedAt}, ${input.previousEpisodeId ?? null})`);
  return id;
}
