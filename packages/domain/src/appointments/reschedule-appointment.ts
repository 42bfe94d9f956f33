import { and, eq } from 'drizzle-orm';
import type { AccessContext, SignedIn } from '../access';
import { scheduleMeasureInvitation } from '../measures';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { expandSeries, parseLocal, ruleFromHere, wallClockToInstant } from './recurrence';
import { cancelReminder, scheduleReminder } from './reminders';
import {
  type AppointmentRow,
  findSeries,
  listScheduledInSeriesFrom,
  removeScheduled,
} from './repository';
import { assertDuration, assertNoConflicts, insertAppointments } from './scheduling';
import { appointmentSeries, appointments } from './tables';
import { openLocation, type SeriesView, therapistZone, toSeriesView } from './views';

type Moved = { ids: string[]; series: SeriesView | null; capped: boolean };

/**
 * Moves a session. "this": only this one moves and leaves its series (an exception to the rule).
 * "following": the series ends at this occurrence, its later scheduled sessions are removed, and
 * a new series with the same rule starts at the new time, this session as its first.
 */
export async function reschedule(
  tx: Executor,
  ctx: AccessContext,
  row: AppointmentRow,
  input: { start: string; durationMinutes?: number | undefined; scope: 'this' | 'following' },
): Promise<Moved> {
  const actor = ctx.actor as SignedIn;
  if (row.status !== 'scheduled') {
    throw new AppError(
      'APPOINTMENT_STATE_INVALID',
      `This session is ${row.status}; only a scheduled session can be moved.`,
    );
  }
  const timeZone = therapistZone(row);
  const minutes =
    input.durationMinutes ?? Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000);
  assertDuration(minutes);
  const local = parseLocal(input.start, timeZone, 'start');
  const therapist = { practiceId: row.practiceId, therapistId: row.therapistId };
  const where = (id: string) =>
    and(eq(appointments.practiceId, row.practiceId), eq(appointments.id, id));
  const series =
    input.scope === 'following' && row.seriesId
      ? await findSeries(tx, row.practiceId, row.seriesId)
      : undefined;

  if (!series) {
    const startsAt = wallClockToInstant(
      {
        year: local.year,
        month: local.month,
        day: local.day,
        hour: local.hour,
        minute: local.minute,
      },
      timeZone,
    );
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    await assertNoConflicts(tx, therapist, [{ startsAt, endsAt }], timeZone, [row.id]);
    await cancelReminder(tx, ctx.services, row.reminderJobId);
    const reminderJobId = await scheduleReminder(tx, ctx.services, {
      practiceId: row.practiceId,
      id: row.id,
      startsAt,
    });
    // The old invitation job finds the session moved and does nothing.
    await scheduleMeasureInvitation(tx, ctx.services, {
      practiceId: row.practiceId,
      id: row.id,
      startsAt,
    });
    await tx
      .update(appointments)
      .set({ startsAt, endsAt, seriesId: null, reminderJobId })
      .where(where(row.id));
    return { ids: [row.id], series: null, capped: false };
  }

  const following = await listScheduledInSeriesFrom(tx, row.practiceId, series.id, row.startsAt);
  const rule = ruleFromHere(series.rrule, input.start, following.length);
  const expansion = expandSeries({ rule, startLocal: input.start, timeZone: series.timeZone });
  const intervals = expansion.starts.map((startsAt) => ({
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
  }));
  await assertNoConflicts(
    tx,
    therapist,
    intervals,
    series.timeZone,
    following.map((f) => f.id),
  );
  const now = ctx.services.now();
  await tx
    .update(appointmentSeries)
    .set({ endedAt: row.startsAt })
    .where(
      and(eq(appointmentSeries.practiceId, row.practiceId), eq(appointmentSeries.id, series.id)),
    );
  for (const f of following) await cancelReminder(tx, ctx.services, f.reminderJobId);
  await removeScheduled(
    tx,
    row.practiceId,
    following.filter((f) => f.id !== row.id).map((f) => f.id),
    { by: actor.userId, at: now },
  );
  const [next] = await tx
    .insert(appointmentSeries)
    .values({
      practiceId: row.practiceId,
      episodeId: row.episodeId,
      rrule: rule,
      startLocal: input.start,
      timeZone: series.timeZone,
      durationMinutes: minutes,
      createdBy: actor.userId,
    })
    .returning();
  if (!next) throw new Error('series insert returned nothing');
  const [first, ...rest] = intervals;
  if (!first) throw new Error('expansion produced no sessions');
  const reminderJobId = await scheduleReminder(tx, ctx.services, {
    practiceId: row.practiceId,
    id: row.id,
    startsAt: first.startsAt,
  });
  await scheduleMeasureInvitation(tx, ctx.services, {
    practiceId: row.practiceId,
    id: row.id,
    startsAt: first.startsAt,
  });
  await tx
    .update(appointments)
    .set({ ...first, seriesId: next.id, reminderJobId })
    .where(where(row.id));
  const ids = await insertAppointments(
    tx,
    ctx,
    {
      ...therapist,
      episodeId: row.episodeId,
      seriesId: next.id,
      modality: row.modality,
      location: await openLocation(tx, ctx.services.keyring, row),
      kind: row.kind,
    },
    rest,
  );
  const openEnded = !/COUNT=|UNTIL=/.test(rule);
  return {
    ids: [row.id, ...ids],
    series: toSeriesView(next),
    capped: openEnded && expansion.capped,
  };
}
