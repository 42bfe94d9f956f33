import { and, eq, inArray, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { type AccessContext, signedIn } from '../access';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { cancelReminder } from './reminders';
import { type AppointmentRow, listByEpisode } from './repository';
import { assertNoConflicts, insertAppointments } from './scheduling';
import { appointmentSeries, appointments } from './tables';
import { type TaperInput, taperSchedule } from './taper';
import { sessionMinutes, usualSession } from './usual-session';
import { openLocation, therapistZone } from './views';

export type TaperOutcome = { kept: number; cancelled: number; booked: number };

const localDay = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).toISODate() ?? '';

/**
 * Rewrites the episode's future sessions to follow an agreed taper, inside the caller's
 * transaction (the move to `ending`). Past sessions, and any that are attended, missed or already
 * cancelled, are untouched; future scheduled ones before the first step keep their cadence. From
 * the first step on, a future session on a day the taper keeps stays as it is; every other one
 * is cancelled with the reason recorded (`cancelled_because = 'ending-plan'`) and its reminder
 * withdrawn; the missing days are booked at the usual weekday, time and zone, one series per step,
 * with their reminders. Nothing is left after the planned last session.
 */
export async function applyTaperInTx(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string; therapistId: string },
  plan: TaperInput,
): Promise<TaperOutcome> {
  const actor = signedIn(ctx);
  const now = ctx.services.now();
  const rows = await listByEpisode(tx, actor, episode.id, {});
  const model = usualSession(rows);
  if (!model) return { kept: 0, cancelled: 0, booked: 0 };
  const zone = therapistZone(model);
  const local = DateTime.fromJSDate(model.startsAt, { zone });
  const minutes = sessionMinutes(model);
  const slot = { weekday: local.weekday, time: local.toFormat('HH:mm'), timeZone: zone };
  const schedule = taperSchedule(plan, slot, now);

  const region = rows.filter(
    (r) => r.status === 'scheduled' && r.startsAt > now && r.startsAt >= schedule.rewriteFrom,
  );
  const byDay = new Map<string, AppointmentRow>();
  for (const r of region)
    if (!byDay.has(localDay(r.startsAt, zone))) byDay.set(localDay(r.startsAt, zone), r);
  const kept = new Set<string>();
  const wanted = [
    ...schedule.segments.map((segment, i) => ({
      segment: i as number | null,
      starts: segment.starts,
    })),
    { segment: null, starts: schedule.lastSession ? [schedule.lastSession] : [] },
  ];
  const book: { segment: number | null; startsAt: Date; endsAt: Date }[] = [];
  const moveToSegment: { id: string; segment: number | null }[] = [];
  for (const { segment, starts } of wanted) {
    for (const startsAt of starts) {
      const existing = byDay.get(localDay(startsAt, zone));
      if (existing && !kept.has(existing.id)) {
        kept.add(existing.id);
        moveToSegment.push({ id: existing.id, segment });
      } else if (!existing) {
        book.push({ segment, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) });
      }
    }
  }
  const cancel = region.filter((r) => !kept.has(r.id));
  try {
    await assertNoConflicts(
      tx,
      { practiceId: episode.practiceId, therapistId: episode.therapistId },
      book,
      zone,
      region.map((r) => r.id),
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'APPOINTMENT_CONFLICT') throw error;
    throw new AppError(
      'APPOINTMENT_CONFLICT',
      `The taper would book sessions the therapist already has others at: ${error.message} Propose a plan with other dates; nothing was changed.`,
    );
  }

  const where = (ids: string[]) =>
    and(eq(appointments.practiceId, episode.practiceId), inArray(appointments.id, ids));
  const oldSeries = [...new Set(region.map((r) => r.seriesId).filter((s) => s !== null))];
  if (oldSeries.length > 0)
    await tx
      .update(appointmentSeries)
      .set({ endedAt: schedule.rewriteFrom })
      .where(
        and(
          eq(appointmentSeries.practiceId, episode.practiceId),
          inArray(appointmentSeries.id, oldSeries),
          isNull(appointmentSeries.endedAt),
        ),
      );
  for (const r of cancel) await cancelReminder(tx, ctx.services, r.reminderJobId);
  if (cancel.length > 0)
    await tx
      .update(appointments)
      .set({
        status: 'cancelled',
        cancelledBy: null,
        cancelledBecause: 'ending-plan',
        cancelledAt: now,
        lateCancellation: false,
        statusChangedBy: actor.userId,
        statusChangedAt: now,
        reminderJobId: null,
      })
      .where(where(cancel.map((r) => r.id)));

  const seriesIds: (string | null)[] = [];
  for (const segment of schedule.segments) {
    const [row] = await tx
      .insert(appointmentSeries)
      .values({
        practiceId: episode.practiceId,
        episodeId: episode.id,
        rrule: segment.rule,
        startLocal: segment.startLocal,
        timeZone: zone,
        durationMinutes: minutes,
        createdBy: actor.userId,
      })
      .returning({ id: appointmentSeries.id });
    seriesIds.push(row?.id ?? null);
  }
  const seriesOf = (segment: number | null) =>
    segment === null ? null : (seriesIds[segment] ?? null);
  for (const move of moveToSegment)
    await tx
      .update(appointments)
      .set({ seriesId: seriesOf(move.segment) })
      .where(where([move.id]));
  const location = await openLocation(tx, ctx.services.keyring, model);
  for (const [i, segmentId] of [...seriesIds, null].entries()) {
    const segment = i < seriesIds.length ? i : null;
    const intervals = book
      .filter((b) => b.segment === segment)
      .map(({ startsAt, endsAt }) => ({ startsAt, endsAt }));
    await insertAppointments(
      tx,
      ctx,
      {
        practiceId: episode.practiceId,
        episodeId: episode.id,
        therapistId: episode.therapistId,
        seriesId: segmentId,
        modality: model.modality,
        location,
        kind: 'treatment',
      },
      intervals,
    );
  }
  return { kept: kept.size, cancelled: cancel.length, booked: book.length };
}
