import {
  changeEpisodePhase,
  createAppointments,
  createGoal,
  recordEnding,
  recordResponse,
  reviewGoals,
  type Services,
  shareEndingSummary,
  updateAppointment,
  updateEndingSummary,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';
import { settleJosCheckIns, signJosCheckInConsent } from './check-ins';
import { agreeJosEndingPlan, JO_PLAN } from './ending-plan';

const DAY_MS = 24 * 60 * 60 * 1000;

type Therapist = { id: string; practiceId: string; role: 'therapist' };

/** The summary Maya wrote for Jo and shared at her last session: plain, warm words. */
export const JO_SUMMARY = {
  greeting:
    'Dear Jo,\n\nThis is a summary of our work together since you moved to the city last year, written for you to keep.',
  progress:
    'We met every other week for twelve sessions. You came in with stress after the move and nights spent going over the workday. You set up an evening routine with the keyboard and a playlist, and you wrote three songs, one of which you played for Chris.\nYour goals, in your words:\n“Get back to playing music most evenings”: somewhat more than expected.\n“Fall asleep without replaying the day”: what we expected.\nYour questionnaires went from the moderate range to the mild range on both mood and anxiety.',
  whatHelped: [
    '“Playing for ten minutes before I look at my phone.”',
    '“Writing the bad day into a verse, then leaving it there.”',
    '“Knowing the playlist would be there at night.”',
  ],
  relapsePrevention: JO_PLAN,
  howToReturn:
    'If things get harder again, or you would simply like to talk, you are welcome back. Send Maya a message through the portal or call Riverside Music Therapy; a new course starts from where we left off, with this summary.',
  closing:
    'It has been a real pleasure to make music with you, Jo. Take your songs with you.\n\nMaya Okafor, MT-BC',
};

/**
 * Jo's first course with Maya (Jordan Lee, she/her, "Jo"), walked through from `active` to its
 * planned ending, each step dated in the past: twelve fortnightly sessions, PHQ-9 and GAD-7 at the
 * first and the last, two goals reviewed near the end, an ending plan both agreed (with the
 * relapse-prevention plan) and her check-in consent signed, a planned ending at the last session
 * (scheduling the 1/3/6-month check-ins), the ending summary written and shared the day after,
 * the 1-month check-in answered and the 3-month one left unanswered, then the episode closed
 * 140 days ago (cancelling the 6-month one).
 */
export async function seedJoFirstCourse(
  services: Services,
  maya: Therapist,
  jo: { clientId: string },
  episodeId: string,
): Promise<void> {
  const joUser = await services.db.execute<{ user_id: string | null }>(
    sql`SELECT user_id FROM clients WHERE id = ${jo.clientId}`,
  );
  const joUserId = joUser.rows[0]?.user_id;
  if (!joUserId) throw new Error('demo client Jo has no account');
  const shifted = (daysAgo: number) => ({
    ...services,
    now: () => new Date(services.now().getTime() - daysAgo * DAY_MS),
  });
  const asMaya = (daysAgo: number) => actingAs(shifted(daysAgo), maya);
  const asJo = (daysAgo: number) =>
    actingAs(shifted(daysAgo), { id: joUserId, practiceId: maya.practiceId, role: 'client' });

  const first = DateTime.fromJSDate(services.now(), { zone: 'America/New_York' })
    .minus({ days: 418 })
    .set({ hour: 17, minute: 30, second: 0, millisecond: 0 });
  const series = await createAppointments(asMaya(420), {
    episodeId,
    start: first.toFormat("yyyy-MM-dd'T'HH:mm"),
    timeZone: 'America/New_York',
    durationMinutes: 50,
    modality: 'video',
    recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=12' },
  });
  for (const session of series.appointments)
    await updateAppointment(asMaya(0), session.id, { status: 'attended' });
  const sessions = series.appointments;
  const daysAgo = (at: Date) => (services.now().getTime() - at.getTime()) / DAY_MS;
  const firstAt = sessions[0]?.startsAt;
  const lastAt = sessions.at(-1)?.startsAt;
  if (!firstAt || !lastAt) throw new Error('demo sessions for Jo missing');

  const forms = [
    { at: firstAt, phq: [2, 2, 2, 2, 1, 2, 2, 1, 0], gad: [2, 2, 2, 2, 1, 2, 2] },
    { at: lastAt, phq: [1, 1, 1, 0, 0, 1, 1, 0, 0], gad: [1, 1, 1, 0, 0, 1, 1] },
  ];
  for (const f of forms) {
    const before = new Date(f.at.getTime() - 3 * 60 * 60 * 1000);
    for (const [instrument, answers] of [
      ['phq-9', f.phq],
      ['gad-7', f.gad],
    ] as const)
      await recordResponse(asJo(daysAgo(before)), {
        episodeId,
        instrument,
        answers,
        completedAt: before,
      });
  }

  const music = await createGoal(asMaya(416), episodeId, {
    clientWords: 'Get back to playing music most evenings',
    therapistWords: 'Re-establish a daily music-making routine as an outlet for work stress.',
    objectives: ['Ten minutes at the keyboard after work, four evenings a week'],
    gasLevels: {
      '-2': 'Not playing at all',
      '-1': 'Playing once a week or less',
      '0': 'Playing three or four evenings a week',
      '+1': 'Playing most evenings',
      '+2': 'Playing most evenings and writing songs',
    },
  });
  const sleep = await createGoal(asMaya(416), episodeId, {
    clientWords: 'Fall asleep without replaying the day',
    therapistWords: 'Reduce pre-sleep rumination with a music-based wind-down.',
    objectives: ['Wind-down playlist in bed, four nights a week'],
    gasLevels: {
      '-2': 'Awake over an hour most nights',
      '-1': 'Awake over an hour some nights',
      '0': 'Asleep within 30 minutes most nights',
      '+1': 'Asleep within 30 minutes nearly every night',
      '+2': 'Asleep within 15 minutes nearly every night',
    },
  });
  await reviewGoals(asMaya(275), episodeId, {
    ratings: [
      { goalId: music.id, level: 1 },
      { goalId: sleep.id, level: 0 },
    ],
  });

  const lastSessionOn = DateTime.fromJSDate(lastAt, { zone: 'America/New_York' }).toISODate();
  if (!lastSessionOn) throw new Error("demo: no date for Jo's last session");
  await signJosCheckInConsent(shifted(daysAgo(lastAt) + 20), maya.practiceId, joUserId);
  await agreeJosEndingPlan(services, maya, joUserId, episodeId, lastSessionOn);
  // The last session ends the course with a recorded planned ending (aftercare: the check-ins
  // she chose); Maya finishes the summary the next day and shares it; aftercare closes later.
  await recordEnding(asMaya(daysAgo(lastAt) - 0.1), episodeId, {
    kind: 'planned',
    reason: 'Planned ending at the last session; relapse-prevention plan agreed.',
  });
  const saved = await updateEndingSummary(asMaya(daysAgo(lastAt) - 1), episodeId, {
    ...JO_SUMMARY,
    expectedVersion: 0,
  });
  await shareEndingSummary(asMaya(daysAgo(lastAt) - 1.1), episodeId, { version: saved.version });
  // Check-ins: the 1-month one answered, the 3-month one left unanswered; closing cancels the rest.
  await settleJosCheckIns(services, { id: joUserId, practiceId: maya.practiceId }, episodeId);
  await changeEpisodePhase(asMaya(140), episodeId, {
    to: 'closed',
    reason: 'Aftercare over; Jo knows how to come back.',
  });
}
