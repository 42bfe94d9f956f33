import {
  type AppointmentView,
  createAppointments,
  type Services,
  updateAppointment,
} from '@throughline/domain';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';

export type DemoAppointments = { seriesId: string; sessions: number };

/**
 * Sam's weekly sessions for the demo: Tuesdays 10:00 Europe/London, begun about twelve weeks ago.
 * Past sessions are attended, except one no-show and one the client cancelled late; the rest
 * are scheduled (with reminders when the job queue runs). Call it with Sam's open episode.
 */
export async function seedDemoAppointments(
  services: Services,
  input: { episodeId: string; therapist: { id: string; practiceId: string } },
): Promise<DemoAppointments> {
  const ctx = actingAs(services, { ...input.therapist, role: 'therapist' });
  const now = DateTime.fromJSDate(services.now(), { zone: 'Europe/London' });
  // The Tuesday twelve weeks ago.
  const first = now.minus({ weeks: 12 }).set({ weekday: 2, hour: 10, minute: 0 });
  const created = await createAppointments(ctx, {
    episodeId: input.episodeId,
    start: first.toFormat("yyyy-MM-dd'T'HH:mm"),
    timeZone: 'Europe/London',
    durationMinutes: 50,
    modality: 'in-person',
    location: 'Music room',
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=24' },
  });
  const past = created.appointments.filter(
    (a: AppointmentView) => a.endsAt.getTime() <= services.now().getTime(),
  );
  for (const [i, session] of past.entries()) {
    if (i === 4) {
      await updateAppointment(ctx, session.id, { status: 'no-show' });
    } else if (i === 7) {
      // Sam rang the morning of the session: the therapist records a late cancellation by the client.
      await updateAppointment(ctx, session.id, { status: 'cancelled', cancelledBy: 'client' });
    } else {
      await updateAppointment(ctx, session.id, { status: 'attended' });
    }
  }
  return { seriesId: created.series?.id ?? '', sessions: created.appointments.length };
}
