import { createTasksForAppointment, type Services } from '@throughline/domain';
import { appointments } from '@throughline/domain/schema';
import { and, asc, eq, gt } from 'drizzle-orm';
import { actingAs } from '../operator';
import type { DemoSeed } from './seed';

/**
 * Questionnaires for Sam's next session, so the portal shows "Questionnaires to complete": the
 * practice-default plan (PHQ-9 and GAD-7, plus session feedback on the last session). Call it
 * after the demo appointments exist; without a future session it does nothing.
 */
export async function seedDemoMeasureTasks(
  services: Services,
  seed: DemoSeed,
): Promise<{ appointmentId: string; tasks: number } | null> {
  const sam = seed.clients.get('sam@demo.throughline.test');
  const maya = seed.staff.get(sam?.therapist ?? '');
  const episodeId = sam?.episodeIds.at(-1);
  if (!sam || !maya || !episodeId) throw new Error('demo cast incomplete');
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
  const created = await createTasksForAppointment(
    actingAs(services, { ...maya, role: 'therapist' }),
    next.id,
  );
  return { appointmentId: next.id, tasks: created.tasks.length };
}
