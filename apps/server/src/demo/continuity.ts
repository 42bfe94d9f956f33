import { createAppointments, type Services } from '@throughline/domain';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';
import { seedDemoAppointments } from './appointments';
import { seedDemoNotes } from './notes';
import type { DemoSeed } from './seed';
import { seedTodaysSession } from './todays-session';

/**
 * Sessions and notes on top of the demo's episodes: Sam's weekly series with signed music-therapy
 * notes (a thread, a plan, homework); first sessions booked for Jordan's return and Priya's intake.
 */
export async function seedDemoContinuity(services: Services, seed: DemoSeed): Promise<void> {
  const maya = seed.staff.get('maya@demo.throughline.test');
  const daniel = seed.staff.get('daniel@demo.throughline.test');
  const sam = seed.clients.get('sam@demo.throughline.test');
  const jordan = seed.clients.get('jordan@demo.throughline.test');
  const priya = seed.clients.get('priya@demo.throughline.test');
  const samEpisode = sam?.episodeIds.at(-1);
  const jordanEpisode = jordan?.episodeIds.at(-1);
  const priyaEpisode = priya?.episodeIds.at(-1);
  if (!maya || !daniel || !samEpisode || !jordanEpisode || !priyaEpisode) {
    throw new Error('demo episodes missing');
  }

  await seedDemoAppointments(services, { episodeId: samEpisode, therapist: maya });
  const attended = await services.db.execute<{ id: string; ends_at: string | Date }>(sql`
    SELECT id, ends_at FROM appointments WHERE practice_id = ${seed.practiceId}
      AND episode_id = ${samEpisode} AND status = 'attended' ORDER BY starts_at DESC LIMIT 3`);
  await seedDemoNotes(services, {
    episodeId: samEpisode,
    therapist: maya,
    sessions: attended.rows
      .map((r) => ({ appointmentId: r.id, endsAt: new Date(r.ends_at) }))
      .reverse(),
  });
  await seedTodaysSession(services, { episodeId: jordanEpisode, therapist: maya });

  // First sessions: Jordan's return (shown to Jordan in New York time), Priya's intake with Daniel.
  const nextWeek = DateTime.fromJSDate(services.now(), { zone: 'Europe/London' })
    .plus({ weeks: 1 })
    .set({ weekday: 4, minute: 0 });
  await createAppointments(actingAs(services, { ...maya, role: 'therapist' }), {
    episodeId: jordanEpisode,
    start: nextWeek.set({ hour: 15 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    timeZone: 'Europe/London',
    durationMinutes: 50,
    modality: 'video',
  });
  await createAppointments(actingAs(services, { ...daniel, role: 'therapist' }), {
    episodeId: priyaEpisode,
    start: nextWeek.set({ hour: 11 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    timeZone: 'Europe/London',
    durationMinutes: 60,
    modality: 'in-person',
    location: 'Room 2',
  });
}
