import type { ProposeEndingPlan } from '@throughline/contracts';
import { acceptEndingPlan, proposeEndingPlan, type Services } from '@throughline/domain';
import { actingAs } from '../operator';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Jo's relapse-prevention plan, written together at the end of her first course (she/her). */
export const JO_PLAN = {
  warningSigns: [
    'Lying awake going over the workday',
    'Skipping lunch and cancelling plans with friends',
    'Not touching the keyboard for a week',
  ],
  triggers: ['A new manager or a reorganisation at work', 'Moving house again'],
  whatHelps: [
    'Ten minutes at the keyboard after work, before checking messages',
    'The wind-down playlist at night',
    'Writing a verse about the day instead of replaying it',
  ],
  whoToContact: ['Chris (partner)', 'Maya at Riverside Music Therapy, through the portal'],
  crisisPlan:
    'If I feel unsafe, I call 988 (Suicide & Crisis Lifeline) or go to the nearest emergency department.',
};

/**
 * Jo's (Jordan, she/her) ending plan, agreed through the use-cases on a clock set back: Maya
 * proposed it 300 days ago; Jo proposed a change 298 days ago (her own words for what helps);
 * Maya accepted Jo's version 296 days ago, which moved the episode to ending ("Ending plan
 * version 2 agreed by both"). Her fortnightly sessions already run to the last one, so the plan
 * has no taper.
 */
export async function agreeJosEndingPlan(
  services: Services,
  maya: { id: string; practiceId: string; role: 'therapist' },
  joUserId: string,
  episodeId: string,
  lastSessionOn: string,
): Promise<void> {
  const now = services.now().getTime();
  const at = (daysAgo: number, who: { id: string; role: 'therapist' | 'client' }) =>
    actingAs(
      { ...services, now: () => new Date(now - daysAgo * DAY_MS) },
      { ...who, practiceId: maya.practiceId },
    );
  const jo = { id: joUserId, role: 'client' as const };
  const first: ProposeEndingPlan = {
    lastSessionOn,
    taper: [],
    sessionsToTalkAboutEnding: 3,
    relapsePrevention: JO_PLAN,
    closingSession: 'Jo plays the song she wrote; we record it for her to keep.',
    checkIns: [{ afterMonths: 1 }, { afterMonths: 3 }, { afterMonths: 6 }],
  };
  await proposeEndingPlan(at(300, maya), episodeId, first);
  const second = await proposeEndingPlan(at(298, jo), episodeId, {
    ...first,
    relapsePrevention: {
      ...JO_PLAN,
      whatHelps: [...JO_PLAN.whatHelps, 'Playing guitar before bed, not my phone'],
    },
  });
  await acceptEndingPlan(at(296, maya), episodeId, { version: second.version });
}
