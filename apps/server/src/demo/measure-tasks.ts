import {
  createTasksForAppointment,
  type Services,
  updateMeasurementPlan,
} from '@throughline/domain';
import { appointments } from '@throughline/domain/schema';
import { and, asc, eq, gt } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';
import type { DemoSeed } from './seed';

/**
 * Sam's measurement plan as Maya set it (issue 9, item 2): PHQ-9 and GAD-7 before every session,
 * session feedback on the last one, CORE-10 every 4 weeks from three weeks on (so the episode page
 * shows a start day), and PCL-5 paused. Then the questionnaires for Sam's next session, so the
 * portal shows "Questionnaires to complete". Call it after the demo appointments exist; without a
 * future session it sets the plan and sends nothing.
 */
export async function seedDemoMeasureTasks(
  services: Services,
  seed: DemoSeed,
): Promise<{ appointmentId: string; tasks: number } | null> {
  const sam = seed.clients.get('sam@demo.throughline.test');
  const maya = seed.staff.get(sam?.therapist ?? '');
  const episodeId = sam?.episodeIds.at(-1);
  if (!sam || !maya || !episodeId) throw new Error('demo cast incomplete');
  const asMaya = actingAs(services, { ...maya, role: 'therapist' });
  const inThreeWeeks = DateTime.fromJSDate(services.now(), { zone: 'Europe/London' })
    .plus({ weeks: 3 })
    .toISODate();
  await updateMeasurementPlan(asMaya, episodeId, {
    items: [
      { instrument: 'phq-9', schedule: 'before-every-session', active: true },
      { instrument: 'gad-7', schedule: 'before-every-session', active: true },
      { instrument: 'session-feedback', schedule: 'before-every-session', active: true },
      {
        instrument: 'core-10',
        schedule: 'every-n-weeks',
        everyN: 4,
        active: true,
        startsOn: inThreeWeeks,
      },
      { instrument: 'pcl-5', schedule: 'once', active: false },
    ],
  });
  const [next] = await services.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.practiceId, seed.practiceId),
        eq(appointments.episodeId, episodeId),
        eq(appointments.status, 'scheduled'),
        gt(appointments.startsAt, services.now()),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  if (!next) return null;
  const created = await createTasksForAppointment(asMaya, next.id);
  return { appointmentId: next.id, tasks: created.tasks.length };
}
