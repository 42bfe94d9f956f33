import { proposeEndingPlan, type Services } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';
import type { Person } from './harness';

/**
 * An ending plan both parties accepted, for tests of something else (the phase machine) whose
 * client has no portal account: the therapist proposes it through the use-case, and the client's
 * acceptance is written as the agreements module writes it (no account to answer with). Tests
 * of the two-party rule itself go through the routes (`routes/ending-plan.int.test.ts`).
 */
export async function agreedEndingPlanFor(
  services: Services,
  therapist: Person,
  episodeId: string,
): Promise<void> {
  const in8Weeks = DateTime.fromJSDate(services.now(), { zone: 'utc' }).plus({ weeks: 8 });
  const plan = await proposeEndingPlan(
    actingAs(services, {
      id: therapist.userId,
      practiceId: therapist.practiceId,
      role: 'therapist',
    }),
    episodeId,
    { lastSessionOn: in8Weeks.toISODate() ?? '', checkIns: [] },
  );
  await services.db.execute(sql`
    UPDATE agreement_responses r SET response = 'accepted', responded_at = ${services.now()}
    FROM agreement_versions v JOIN agreements a
      ON a.practice_id = v.practice_id AND a.id = v.agreement_id
    WHERE r.practice_id = v.practice_id AND r.version_id = v.id AND r.party = 'client'
      AND a.episode_id = ${episodeId}::uuid AND a.kind = 'ending-plan' AND v.version = ${plan.version}`);
}
