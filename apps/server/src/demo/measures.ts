import { recordResponse, type Services, shareProgress } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { actingAs } from '../operator';
import type { DemoSeed } from './seed';

const HOUR = 3_600_000;

/** Answers (each 0–3) summing to `total`: the last item is `last`, the rest spread evenly. */
function spread(total: number, items: number, last = 0): number[] {
  const answers = Array.from({ length: items }, () => 0);
  answers[items - 1] = last;
  let left = total - last;
  for (let round = 0; left > 0 && round < 3; round++)
    for (let i = 0; i < items - 1 && left > 0; i++) {
      answers[i] = (answers[i] ?? 0) + 1;
      left--;
    }
  return answers;
}

/** GAD-7 has no risk item, so every item may carry the score. */
const gad7 = (total: number): number[] => {
  const answers = spread(total - Math.min(3, Math.floor(total / 7)), 7);
  answers[6] = Math.min(3, Math.floor(total / 7));
  return answers;
};

// Sam improves from moderately severe / moderate to mild (reliably, and early enough that the
// not-on-track rule stays quiet at session 4): PHQ-9 16 → 8, GAD-7 14 → 6.
const SAM_PHQ9 = [16, 15, 13, 10, 10, 9, 9, 8, 8, 8, 8, 8];
const SAM_GAD7 = [14, 13, 11, 9, 8, 8, 7, 7, 6, 6, 6, 6];
// Wellbeing beside the symptoms, every fourth session and at the last: WHO-5 raw 9 → 13 → 15 → 17 (36% →
// 68%). It is also the ending score a check-in after the ending is compared with (issue 11).
const SAM_WHO5: Record<number, number[]> = {
  0: [2, 2, 2, 1, 2],
  4: [3, 3, 3, 2, 2],
  8: [3, 3, 3, 3, 3],
  10: [4, 3, 4, 3, 3],
};
const SAM_FEEDBACK = [
  [8, 8, 8, 9],
  [9, 8, 9, 9],
  [9, 9, 8, 9],
  [9, 9, 9, 9],
  [10, 9, 9, 9],
  [9, 9, 9, 9],
  [10, 9, 9, 10],
  [10, 10, 9, 10],
  [10, 9, 10, 10],
  [10, 10, 10, 10],
];

async function userIdOf(services: Services, clientId: string): Promise<string> {
  const result = await services.db.execute<{ user_id: string | null }>(
    sql`SELECT user_id FROM clients WHERE id = ${clientId}`,
  );
  const id = result.rows[0]?.user_id;
  if (!id) throw new Error('demo client has no account');
  return id;
}

/**
 * Questionnaires for the demo, entered by the clients themselves in the past: Sam's PHQ-9 and
 * GAD-7 the day before most weekly sessions (WHO-5 every fourth), session feedback after each one; Jordan's PHQ-9
 * at the new intake with item 9 answered 1, so the caseload shows an urgent risk-item alert.
 * Sam's progress is shared with them; Jordan's is not. Call after the appointments are seeded.
 */
export async function seedDemoMeasures(services: Services, seed: DemoSeed): Promise<void> {
  const sam = seed.clients.get('sam@demo.throughline.test');
  const jordan = seed.clients.get('jordan@demo.throughline.test');
  const samEpisode = sam?.episodeIds.at(-1);
  const jordanEpisode = jordan?.episodeIds.at(-1);
  if (!sam || !jordan || !samEpisode || !jordanEpisode) throw new Error('demo episodes missing');
  const asClient = async (clientId: string) =>
    actingAs(services, {
      id: await userIdOf(services, clientId),
      practiceId: seed.practiceId,
      role: 'client',
    });

  const samCtx = await asClient(sam.clientId);
  const sessions = await services.db.execute<{ id: string; starts_at: string | Date }>(sql`
    SELECT id, starts_at FROM appointments WHERE practice_id = ${seed.practiceId}
      AND episode_id = ${samEpisode} AND status = 'attended' ORDER BY starts_at`);
  for (const [i, session] of sessions.rows.entries()) {
    const startsAt = new Date(session.starts_at);
    // Sam forgot the forms before one session (the sixth); the chart shows the gap honestly.
    if (i !== 5) {
      const before = new Date(startsAt.getTime() - 20 * HOUR);
      const phq = SAM_PHQ9[Math.min(i, SAM_PHQ9.length - 1)] ?? 8;
      const gad = SAM_GAD7[Math.min(i, SAM_GAD7.length - 1)] ?? 6;
      for (const [instrument, answers] of [
        ['phq-9', spread(phq, 9)],
        ['gad-7', gad7(gad)],
        ...(SAM_WHO5[i] ? [['who-5', SAM_WHO5[i]] as const] : []),
      ] as const)
        await recordResponse(samCtx, {
          episodeId: samEpisode,
          instrument,
          answers,
          appointmentId: session.id,
          completedAt: before,
        });
    }
    await recordResponse(samCtx, {
      episodeId: samEpisode,
      instrument: 'session-feedback',
      answers: SAM_FEEDBACK[Math.min(i, SAM_FEEDBACK.length - 1)] ?? [10, 10, 10, 10],
      appointmentId: session.id,
      completedAt: new Date(startsAt.getTime() + HOUR),
    });
  }

  // Jordan's return: the intake PHQ-9, completed two days ago, with item 9 = 1.
  await recordResponse(await asClient(jordan.clientId), {
    episodeId: jordanEpisode,
    instrument: 'phq-9',
    answers: [2, 2, 1, 2, 1, 1, 1, 1, 1],
    completedAt: new Date(services.now().getTime() - 48 * HOUR),
  });

  // Maya shared Sam's progress with them after the sixth session (the portal shows it in plain
  // words); Jordan's is not shared, so the episode page shows both states.
  const sixth = sessions.rows[5];
  const maya = seed.staff.get('maya@demo.throughline.test');
  if (!maya) throw new Error('demo therapist missing');
  const sharedAt = sixth
    ? new Date(new Date(sixth.starts_at).getTime() + 2 * HOUR)
    : services.now();
  await shareProgress(
    actingAs({ ...services, now: () => sharedAt }, { ...maya, role: 'therapist' }),
    samEpisode,
  );
}
