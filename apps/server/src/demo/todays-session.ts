import { createAppointments, type Services } from '@throughline/domain';
import { DateTime } from 'luxon';
import { actingAs } from '../operator';

/**
 * The start of today's demo session: 45 minutes ago on the quarter hour (never before today's
 * midnight), so it has begun whenever the demo is seeded — and, on a Tuesday, clear of Sam's
 * 10:00–10:50 session on the same calendar.
 */
export function todaysSessionStart(now: DateTime): DateTime {
  const ago = now.minus({ minutes: 45 });
  const quarter = ago.set({ minute: ago.minute - (ago.minute % 15), second: 0, millisecond: 0 });
  let start: DateTime = DateTime.max(quarter, now.startOf('day'));
  const end = start.plus({ minutes: 50 });
  const sams = now.set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  if (now.weekday === 2 && start < sams.plus({ minutes: 50 }) && end > sams) {
    start = sams.minus({ hours: 1 });
  }
  return start;
}

/**
 * Jo's first session back (Jordan's return, in intake) took place earlier today and is still
 * marked scheduled, with no note yet: what a therapist finds after a session, and where the
 * session page's "Write the note" marks it attended and starts the note in one step.
 */
export async function seedTodaysSession(
  services: Services,
  input: { episodeId: string; therapist: { id: string; practiceId: string } },
): Promise<string> {
  const now = DateTime.fromJSDate(services.now(), { zone: 'Europe/London' });
  const created = await createAppointments(
    actingAs(services, { ...input.therapist, role: 'therapist' }),
    {
      episodeId: input.episodeId,
      start: todaysSessionStart(now).toFormat("yyyy-MM-dd'T'HH:mm"),
      timeZone: 'Europe/London',
      durationMinutes: 50,
      modality: 'video',
    },
  );
  return created.appointments[0]?.id ?? '';
}
