import { DEFAULT_CONSENT_TEXTS } from '@throughline/contracts';
import {
  answerCheckIn,
  publishConsentDocument,
  type Services,
  signConsent,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { actingAs } from '../operator';

/** What Jo wrote under "How are things?" at her 1-month check-in. */
export const JO_CHECK_IN_WORDS =
  'Work got busy again after the summer, and a few nights I was back to going over the day. The playlist still helps. I have kept playing, just less often.';

/** Jo's 1-month answers: a little worse than at the ending, not reliably (and no risk item). */
export const JO_CHECK_IN_FORMS = [
  { instrument: 'phq-4', answers: [1, 1, 1, 2] },
  { instrument: 'who-5', answers: [3, 2, 3, 2, 3] },
];

/**
 * Before her ending (on the clock given), Jo signs the check-in consent (the practice publishes its text first), so the
 * planned ending schedules the 1/3/6-month check-ins of her plan.
 */
export async function signJosCheckInConsent(
  services: Services,
  practiceId: string,
  joUserId: string,
): Promise<void> {
  const admin = await services.db.execute<{ id: string }>(
    sql`SELECT id FROM users WHERE practice_id = ${practiceId} AND role = 'practice_admin' LIMIT 1`,
  );
  const adminId = admin.rows[0]?.id;
  if (!adminId) throw new Error('demo practice has no admin');
  const published = await publishConsentDocument(
    actingAs(services, { id: adminId, practiceId, role: 'practice_admin' }),
    { kind: 'check-ins', ...DEFAULT_CONSENT_TEXTS['check-ins'] },
  );
  await signConsent(actingAs(services, { id: joUserId, practiceId, role: 'client' }), {
    kind: 'check-ins',
    version: published.version,
    signedName: 'Jordan Lee',
  });
}

/**
 * Jo's check-ins after the ending. The invitation steps are set directly (their e-mails would
 * otherwise sit in the outbox and go out when the demo starts): the 1-month one is marked invited
 * on its morning and Jo answers it through the domain on that day's clock; the 3-month one is
 * marked invited, reminded a week later and left unanswered a week after that. The 6-month one is
 * still to come and is cancelled when the episode closes. The jobs queued at scheduling find the
 * rows moved on and do nothing, so starting the demo sends no old invitation.
 */
export async function settleJosCheckIns(
  services: Services,
  jo: { id: string; practiceId: string },
  episodeId: string,
): Promise<void> {
  const rows = await services.db.execute<{ id: string; after_months: number; due_at: Date }>(
    sql`SELECT id, after_months, due_at FROM check_ins WHERE episode_id = ${episodeId} ORDER BY after_months`,
  );
  const byMonths = new Map(rows.rows.map((r) => [Number(r.after_months), r]));
  const oneMonth = byMonths.get(1);
  const threeMonths = byMonths.get(3);
  if (!oneMonth || !threeMonths) throw new Error("demo: Jo's check-ins were not scheduled");
  await services.db.execute(
    sql`UPDATE check_ins SET status = 'invited', invited_at = due_at WHERE id = ${oneMonth.id}`,
  );
  const answeredAt = new Date(new Date(oneMonth.due_at).getTime() + 26 * 60 * 60 * 1000);
  await answerCheckIn(
    actingAs({ ...services, now: () => answeredAt }, { ...jo, role: 'client' }),
    oneMonth.id,
    { forms: JO_CHECK_IN_FORMS, howAreThings: JO_CHECK_IN_WORDS, wantsToTalk: false },
  );
  await services.db.execute(
    sql`UPDATE check_ins SET status = 'unanswered', invited_at = due_at,
          reminded_at = due_at + interval '7 days', closed_at = due_at + interval '14 days'
        WHERE id = ${threeMonths.id}`,
  );
}
