import {
  acknowledgePlan,
  createDiscussionItem,
  createGoal,
  rateGoal,
  readPortalPlan,
  reviewGoals,
  type Services,
  sharePlan,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { actingAs } from '../operator';
import type { DemoSeed } from './seed';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sam's treatment plan: two goals in Sam's own words beside Maya's, shared and acknowledged by
 * Sam, two GAS reviews with the T-score rising, Sam's own rating, and one item to discuss.
 */
export async function seedDemoGoals(services: Services, seed: DemoSeed): Promise<void> {
  const maya = seed.staff.get('maya@demo.throughline.test');
  const sam = seed.clients.get('sam@demo.throughline.test');
  const episodeId = sam?.episodeIds.at(-1);
  if (!maya || !sam || !episodeId) throw new Error('demo episode for Sam missing');
  const samUser = await services.db.execute<{ user_id: string }>(
    sql`SELECT user_id FROM clients WHERE practice_id = ${seed.practiceId} AND id = ${sam.clientId}`,
  );
  const samUserId = samUser.rows[0]?.user_id;
  if (!samUserId) throw new Error('demo client Sam has no account');
  const at = (daysAgo: number, who: 'maya' | 'sam') =>
    actingAs(
      { ...services, now: () => new Date(services.now().getTime() - daysAgo * DAY_MS) },
      who === 'maya'
        ? { id: maya.id, practiceId: maya.practiceId, role: 'therapist' }
        : { id: samUserId, practiceId: seed.practiceId, role: 'client' },
    );

  const sleep = await createGoal(at(30, 'maya'), episodeId, {
    clientWords: 'Fall asleep within 30 minutes on work nights',
    therapistWords:
      'Reduce sleep-onset latency after night shifts through a music-based wind-down routine.',
    objectives: [
      'Listen to the evening playlist in bed, lights off',
      'Note how long it took to fall asleep, three nights a week',
    ],
    gasLevels: {
      '-2': 'Still over an hour on most work nights',
      '-1': 'Between 30 and 60 minutes on most work nights',
      '0': 'Within 30 minutes on most work nights',
      '+1': 'Within 30 minutes on every work night',
      '+2': 'Within 15 minutes on every work night',
    },
  });
  const calm = await createGoal(at(30, 'maya'), episodeId, {
    clientWords: 'Use music to calm down before a shift',
    therapistWords:
      'Self-regulation before work: a chosen song or drumming used to lower arousal before shifts.',
    objectives: ['Pick two songs that help', 'Use one before leaving home, three shifts a week'],
    gasLevels: {
      '-2': 'No music before shifts',
      '-1': 'Music before the odd shift, not on purpose',
      '0': 'Music on purpose before three shifts a week',
      '+1': 'Before most shifts, and Sam notices it helps',
      '+2': 'Before every shift, and Sam uses it at work breaks too',
    },
  });

  await sharePlan(at(29, 'maya'), episodeId);
  const plan = await readPortalPlan(at(28, 'sam'));
  if (plan) await acknowledgePlan(at(28, 'sam'), { planId: plan.id });

  await reviewGoals(at(21, 'maya'), episodeId, {
    ratings: [
      { goalId: sleep.id, level: -1 },
      { goalId: calm.id, level: -1 },
    ],
    note: 'Playlist used on two nights only; shifts changed this week.',
  });
  await rateGoal(at(10, 'sam'), sleep.id, {
    level: 0,
    comment: 'The playlist works when I actually put my phone down.',
  });
  const second = await reviewGoals(at(7, 'maya'), episodeId, {
    ratings: [
      { goalId: sleep.id, level: 0 },
      { goalId: calm.id, level: 1 },
    ],
    note: 'Asleep within 30 minutes on most work nights; drumming before two shifts.',
  });
  await createDiscussionItem(at(7, 'maya'), episodeId, {
    text: 'Ask Sam which song helped most before the late shift, and whether to add it to the kit.',
    source: { kind: 'review', id: second.id },
  });
}
