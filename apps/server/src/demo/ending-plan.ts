import type { ProposeEndingPlan } from '@throughline/contracts';
import {
  acceptEndingPlan,
  changeEpisodePhase,
  proposeEndingPlan,
  type Services,
} from '@throughline/domain';
import { clients } from '@throughline/domain/schema';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What Maya proposed first for Jo's ending (Jo then added her own words as version 2). */
function mayasPlan(day: (daysAgo: number) => string): ProposeEndingPlan {
  return {
    lastSessionOn: day(232),
    taper: [{ from: day(262), cadence: 'fortnightly' }],
    sessionsToTalkAboutEnding: 3,
    relapsePrevention: {
      warningSigns: ['Lying awake going over the day', 'Skipping the evening walk'],
      triggers: ['A new job or a move', 'Long weeks without time for music'],
      whatHelps: ['The wind-down playlist', 'Writing a verse about the day', 'Calling Chris'],
      whoToContact: ['Chris (partner)', 'Her GP', 'The practice, to ask for a check-in'],
      crisisPlan: 'If things feel unsafe, call 988 or go to the nearest emergency department.',
    },
    closingSession: 'Record the song Jo wrote in therapy, and take the recording home.',
    checkIns: [{ afterMonths: 1 }, { afterMonths: 3 }, { afterMonths: 6 }],
  };
}

/**
 * Jo's (Jordan, she/her) earlier episode ended by a plan both agreed (issue 11), through the
 * use-cases on a clock set back: Maya proposed it 276 days ago; Jo proposed a change 272 days
 * ago (her own words for what helps); Maya accepted Jo's version 270 days ago, which moved the
 * episode to ending ("Ending plan version 2 agreed by both"); it closed after the last session,
 * 232 days ago. No sessions are booked in that episode, so the taper rewrites none.
 */
export async function seedJordansEndingPlan(
  services: Services,
  maya: { id: string; practiceId: string; role: 'therapist' },
  jordan: { clientId: string },
  episodeId: string,
): Promise<void> {
  const [row] = await services.db
    .select({ userId: clients.userId })
    .from(clients)
    .where(and(eq(clients.practiceId, maya.practiceId), eq(clients.id, jordan.clientId)));
  if (!row?.userId) throw new Error('demo: Jordan has no portal account');
  const now = services.now().getTime();
  const at = (daysAgo: number, who: { id: string; role: 'therapist' | 'client' }) =>
    actingAs(
      { ...services, now: () => new Date(now - daysAgo * DAY_MS) },
      { ...who, practiceId: maya.practiceId },
    );
  const day = (daysAgo: number) =>
    DateTime.fromMillis(now - daysAgo * DAY_MS, { zone: 'Europe/London' }).toISODate() ?? '';
  const jo = { id: row.userId, role: 'client' as const };

  const first = mayasPlan(day);
  await proposeEndingPlan(at(276, maya), episodeId, first);
  const second = await proposeEndingPlan(at(272, jo), episodeId, {
    ...first,
    relapsePrevention: {
      ...first.relapsePrevention,
      whatHelps: [
        ...(first.relapsePrevention?.whatHelps ?? []),
        'Playing guitar before bed, not my phone',
      ],
    },
  });
  await acceptEndingPlan(at(270, maya), episodeId, { version: second.version });
  await changeEpisodePhase(at(232, maya), episodeId, {
    to: 'closed',
    reason: 'Planned ending; relapse-prevention plan given.',
  });
}
