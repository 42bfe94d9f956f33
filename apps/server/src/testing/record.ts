import {
  acceptAgreementVersion,
  acceptContactAgreement,
  addAddendum,
  createGoal,
  proposeAgreement,
  proposeContactAgreement,
  recordResponse,
  reviewGoals,
  sendMessage,
  shareEndingSummary,
  sharePlan,
  signConsent,
} from '@throughline/domain';
import { sql } from 'drizzle-orm';
import type { Harness } from './harness';
import { fixtures } from './read-model-fixtures';
import { as, publishDefaults } from './supervision';

/** Words that must never leave the system in an export (psychotherapy notes, HIPAA 164.501). */
export const PRIVATE_PHRASE = 'Process note: countertransference about my own father';
/** Therapist-only goal words: in the therapist's export, never in the client's own copy. */
export const THERAPIST_WORDS = 'Behavioural activation, sleep hygiene';

const DAY = 86_400_000;

const ENDING_PLAN = {
  lastSessionOn: '2026-01-30',
  taper: [],
  sessionsToTalkAboutEnding: 2,
  referrals: [],
  relapsePrevention: {
    warningSigns: ['Skipping meals and staying up late'],
    triggers: ['Deadlines at work'],
    whatHelps: ['Playing guitar for ten minutes'],
    whoToContact: ['My sister'],
    crisisPlan: 'Call the crisis line.',
  },
  closingSession: 'Record the song we wrote.',
  checkIns: [{ afterMonths: 3 }],
};

const CONTACT_TERMS = {
  channels: { messages: true, email: false, phone: false },
  availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '23:59' })),
  responseTimeHours: 24,
};

export type RealisticRecord = { clientId: string; first: string; second: string };

/**
 * A realistic record of the cast's client with the cast's therapist (issue 12): a first episode
 * with sessions (one cancelled), a signed note with an addendum, a psychotherapy note, PHQ-9 and
 * GAD-7 twice, a goal with its GAS scale reviewed, a shared plan, an agreed ending plan and a
 * shared ending summary, then closed; a return episode linked to it with a contact agreement,
 * messages both ways and a signed note; a signed treatment consent.
 */
export async function realisticRecord(h: Harness): Promise<RealisticRecord> {
  const { therapist, client, admin } = h.cast;
  const t = as(h.services, therapist);
  const c = as(h.services, client);
  const ago = (d: number) => new Date(h.services.now().getTime() - d * DAY);
  const fx = fixtures(h.services, therapist);
  await publishDefaults(h.services, admin);
  await signConsent(c, { kind: 'treatment', version: 1, signedName: 'Casey Client' });

  const first = await fx.episode(client, { openedAt: ago(300), title: 'Music therapy, 2025' });
  const s1 = await fx.appointment(first, ago(290));
  await fx.appointment(first, ago(260), 'attended', { modality: 'video' });
  await fx.appointment(first, ago(250), 'cancelled', { cancelledBy: 'client' });
  const note = await fx.note(first, {
    appointmentId: s1,
    template: 'soap',
    body: {
      subjective: 'Sleeping four hours a night.',
      objective: 'Tired, engaged.',
      assessment: 'Low mood.',
      plan: 'Weekly sessions.',
    },
    createdAt: ago(290),
  });
  await addAddendum(t, note, { text: 'The session lasted 50 minutes, not 45.' });
  await fx.psychotherapyNote(first, PRIVATE_PHRASE);
  for (const [at, phq, gad] of [
    [290, [2, 2, 2, 2, 2, 2, 1, 1, 0], [2, 2, 2, 2, 2, 1, 1]],
    [260, [1, 1, 1, 1, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 0]],
  ] as const) {
    await recordResponse(t, {
      episodeId: first,
      instrument: 'phq-9',
      answers: [...phq],
      completedAt: ago(at),
    });
    await recordResponse(t, {
      episodeId: first,
      instrument: 'gad-7',
      answers: [...gad],
      completedAt: ago(at),
    });
  }
  const goal = await createGoal(t, first, {
    clientWords: 'Sleep through most nights',
    therapistWords: THERAPIST_WORDS,
    objectives: ['Lights out by eleven'],
    gasLevels: {
      '-2': 'Sleeping under four hours',
      '-1': 'Four to five hours',
      '0': 'Six hours most nights',
      '+1': 'Seven hours most nights',
      '+2': 'Seven hours every night',
    },
  });
  await reviewGoals(t, first, { ratings: [{ goalId: goal.id, level: 1 }] });
  await sharePlan(t, first);
  const proposed = await proposeAgreement(t, {
    episodeId: first,
    kind: 'ending-plan',
    content: { v: 1, ...ENDING_PLAN },
  });
  await acceptAgreementVersion(c, { versionId: proposed.id });
  // How an episode reaches its ending and closure is the ending plan's rule (tested there).
  await h.services.db.execute(sql`UPDATE episodes SET phase = 'ending' WHERE id = ${first}`);
  await shareEndingSummary(t, first, { version: 0 });
  await h.services.db.execute(
    sql`UPDATE episodes SET phase = 'closed', closed_at = ${ago(200)} WHERE id = ${first}`,
  );

  const second = await fx.episode(client, {
    openedAt: ago(100),
    previousEpisodeId: first,
    title: 'Music therapy, return',
  });
  const agreement = await proposeContactAgreement(t, second, CONTACT_TERMS);
  await acceptContactAgreement(c, second, { version: agreement.version });
  await sendMessage(t, second, { body: 'Good to see you again. Tuesday at ten?' });
  await sendMessage(c, second, { body: 'Tuesday works, thank you.' });
  const s3 = await fx.appointment(second, ago(90));
  await fx.note(second, {
    appointmentId: s3,
    template: 'dap',
    body: { data: 'Played drums.', assessment: 'Engaged.', plan: 'Continue.' },
    createdAt: ago(90),
  });
  return { clientId: client.clientId ?? '', first, second };
}
