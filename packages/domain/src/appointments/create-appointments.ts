import type { AppointmentsCreated } from '@throughline/contracts';
import { type AccessContext, performOnEpisode } from '../access';
import { AppError } from '../shared/errors';
import {
  assertTimeZone,
  expandSeries,
  parseLocal,
  parseRule,
  wallClockToInstant,
} from './recurrence';
import { listByIds, practiceTimeZone } from './repository';
import { assertDuration, assertNoConflicts, insertAppointments } from './scheduling';
import { appointmentSeries } from './tables';
import { openAppointments, type SessionKind, toSeriesView } from './views';

export type CreateAppointmentsInput = {
  episodeId: string;
  /** Local wall-clock start, YYYY-MM-DDTHH:mm, in `timeZone`. */
  start: string;
  /** Local end instead of a duration; must be after the start. */
  end?: string | undefined;
  timeZone?: string | undefined;
  durationMinutes?: number | undefined;
  modality?: 'in-person' | 'video' | 'phone' | undefined;
  location?: string | null | undefined;
  /** `assessment` for an assessment session; default `treatment` (CLINICAL.md §3). */
  kind?: SessionKind | undefined;
  recurrence?: { rrule: string } | undefined;
};

export type CreatedAppointments = AppointmentsCreated;

function wall(local: string, timeZone: string, path: string): Date {
  const dt = parseLocal(local, timeZone, path);
  return wallClockToInstant(
    { year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute },
    timeZone,
  );
}

/**
 * The therapist of an episode books a session or a recurring series. Past sessions may be
 * recorded (history from another system) and get no reminder. Overlaps with the therapist's
 * other scheduled sessions are refused and nothing is written.
 */
export async function createAppointments(
  ctx: AccessContext,
  input: CreateAppointmentsInput,
): Promise<CreatedAppointments> {
  if (input.recurrence) parseRule(input.recurrence.rrule);
  if (input.timeZone) assertTimeZone(input.timeZone);
  return performOnEpisode(ctx, 'appointment.create', input.episodeId, async (tx, step) => {
    const { actor, episode } = step;
    const timeZone = input.timeZone ?? (await practiceTimeZone(tx, actor.practiceId));
    const first = wall(input.start, timeZone, 'start');
    let minutes = input.durationMinutes ?? 50;
    if (input.end !== undefined) {
      minutes = Math.round((wall(input.end, timeZone, 'end').getTime() - first.getTime()) / 60_000);
      if (minutes <= 0) {
        throw new AppError('VALIDATION_FAILED', 'The end must be after the start.', [
          { path: 'end', message: 'After the start.' },
        ]);
      }
    }
    assertDuration(minutes);
    const expansion = input.recurrence
      ? expandSeries({ rule: input.recurrence.rrule, startLocal: input.start, timeZone })
      : { starts: [first], capped: false };
    const intervals = expansion.starts.map((startsAt) => ({
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    }));
    const therapist = { practiceId: actor.practiceId, therapistId: episode.therapistId };
    await assertNoConflicts(tx, therapist, intervals, timeZone);
    let series = null;
    if (input.recurrence) {
      [series] = await tx
        .insert(appointmentSeries)
        .values({
          practiceId: actor.practiceId,
          episodeId: episode.id,
          rrule: parseRule(input.recurrence.rrule).rule,
          startLocal: input.start,
          timeZone,
          durationMinutes: minutes,
          createdBy: actor.userId,
        })
        .returning();
    }
    const ids = await insertAppointments(
      tx,
      ctx,
      {
        ...therapist,
        episodeId: episode.id,
        seriesId: series?.id ?? null,
        modality: input.modality ?? 'in-person',
        location: input.location ?? null,
        kind: input.kind ?? 'treatment',
      },
      intervals,
    );
    const rows = await listByIds(tx, actor, ids);
    const value: CreatedAppointments = {
      series: series ? toSeriesView(series) : null,
      appointments: await openAppointments(tx, ctx.services.keyring, actor, rows),
    };
    if (input.recurrence && expansion.capped) {
      value.capped = true;
      value.message = `The rule has no end (COUNT or UNTIL), so ${ids.length} sessions up to a year ahead were booked.`;
    }
    step.audit({
      detail: { count: ids.length, recurring: Boolean(series), capped: Boolean(value.capped) },
    });
    return value;
  });
}
