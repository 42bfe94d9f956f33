import { giveReadinessView, type Services } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { actingAs } from '../operator';
import type { DemoSeed } from './seed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The views, oldest first: who, when, where on the 1–5 scale, and in their words. */
export const READINESS_VIEWS = [
  {
    who: 'sam',
    daysAgo: 12,
    level: 2,
    words:
      'Sleep is better most nights, but I still need the sessions to keep the evening routine going.',
  },
  {
    who: 'sam',
    daysAgo: 3,
    level: 3,
    words:
      "I'm sleeping much better and the guitar helps when I'm wound up. I'm not sure yet how I'd manage a bad week without our sessions.",
  },
  {
    who: 'maya',
    daysAgo: 2,
    level: 4,
    words:
      'Sam has met both goals and their scores have stayed below the cut-off for weeks. I think they are nearly ready; a taper would let them test a bad week with support still there.',
  },
] as const;

/**
 * Sam's readiness review in progress (issue 11): Sam answered twice in the portal (the older
 * answer stays in the history), Maya once in the app, and they see it a little differently —
 * Sam is not sure yet, Maya thinks Sam is nearly ready. Sam uses they/them.
 */
export async function seedDemoReadiness(services: Services, seed: DemoSeed): Promise<void> {
  const maya = seed.staff.get('maya@demo.throughline.test');
  const sam = seed.clients.get('sam@demo.throughline.test');
  const episodeId = sam?.episodeIds.at(-1);
  if (!maya || !sam || !episodeId) throw new Error('demo episode for Sam missing');
  const account = await services.db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM clients WHERE practice_id = ${seed.practiceId} AND id = ${sam.clientId}`,
  );
  const samUserId = account.rows[0]?.user_id;
  if (!samUserId) throw new Error('demo client Sam has no account');
  const at = (daysAgo: number, who: 'maya' | 'sam') =>
    actingAs(
      { ...services, now: () => new Date(services.now().getTime() - daysAgo * DAY_MS) },
      who === 'maya'
        ? { id: maya.id, practiceId: maya.practiceId, role: 'therapist' }
        : { id: samUserId, practiceId: seed.practiceId, role: 'client' },
    );

  for (const view of READINESS_VIEWS)
    await giveReadinessView(at(view.daysAgo, view.who), episodeId, {
      level: view.level,
      words: view.words,
    });
}
